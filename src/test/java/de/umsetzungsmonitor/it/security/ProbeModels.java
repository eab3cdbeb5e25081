package de.umsetzungsmonitor.it.security;

/** Minimal BPMN files for deployment attempts (start event to end event; history time to live set). */
final class ProbeModels {

  private ProbeModels() {}

  /** A deployable process; {@code name} is inserted as it is (it may be an entity reference). */
  static String process(String key, String name) {
    return process("", key, name);
  }

  /** The same with a document type declaration before the root element. */
  static String process(String doctype, String key, String name) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype
        + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"Definitions_" + key + "\""
        + " targetNamespace=\"http://umsetzungsmonitor.example/test\">\n"
        + "  <bpmn:process id=\"" + key + "\" name=\"" + name + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">\n"
        + "    <bpmn:startEvent id=\"Start\"><bpmn:outgoing>Flow</bpmn:outgoing></bpmn:startEvent>\n"
        + "    <bpmn:sequenceFlow id=\"Flow\" sourceRef=\"Start\" targetRef=\"End\" />\n"
        + "    <bpmn:endEvent id=\"End\"><bpmn:incoming>Flow</bpmn:incoming></bpmn:endEvent>\n"
        + "  </bpmn:process>\n"
        + "</bpmn:definitions>\n";
  }
}
