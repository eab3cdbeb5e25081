package de.umsetzungsmonitor.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * A bean the engine's expression language can reach as {@code expressionCanary} (component scanning
 * picks it up in every test context). {@link #touch()} is what attackers' expressions call: if any
 * request ever gets the engine to evaluate one, the count rises. {@link #probe()} is for the tests'
 * own proof that an expression naming this bean is evaluated where expressions are allowed (a
 * stored filter), so that an unchanged {@link #touches()} means the request was refused, not that
 * the bean was out of reach.
 */
@Component("expressionCanary")
public class ExpressionCanary {

  private static final AtomicInteger TOUCHES = new AtomicInteger();
  private static final AtomicInteger PROBES = new AtomicInteger();

  /** Called by the expressions that must never be evaluated. */
  public String touch() {
    TOUCHES.incrementAndGet();
    return "expressionCanary";
  }

  /** Called by expressions the tests themselves let the engine evaluate. */
  public String probe() {
    PROBES.incrementAndGet();
    return "expressionCanary";
  }

  public static int touches() {
    return TOUCHES.get();
  }

  public static int probes() {
    return PROBES.get();
  }
}
