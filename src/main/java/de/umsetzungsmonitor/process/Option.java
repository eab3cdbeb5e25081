package de.umsetzungsmonitor.process;

/** One choice of a select or taglist in a Camunda Form. */
public record Option(String label, String value) {}
