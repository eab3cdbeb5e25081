package de.umsetzungsmonitor.web;

import de.umsetzungsmonitor.process.InvalidInputException;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The engine wraps whatever a task listener throws into a generic exception, which its REST API
 * answers with HTTP 500 and an English prefix. When one of our listeners or delegates refuses a
 * user's input, this remembers the German message for the current request, so that
 * {@link EngineApiResponseFilter} can answer 400 with just that message.
 */
@Aspect
@Component
class RefusedInputRecorder {

  static final String ATTRIBUTE = RefusedInputRecorder.class.getName() + ".message";

  @Around("within(de.umsetzungsmonitor..*) && (execution(* org.camunda.bpm.engine.delegate.TaskListener.notify(..))"
      + " || execution(* org.camunda.bpm.engine.delegate.JavaDelegate.execute(..)))")
  Object record(ProceedingJoinPoint call) throws Throwable {
    try {
      return call.proceed();
    } catch (InvalidInputException e) {
      RequestAttributes request = RequestContextHolder.getRequestAttributes();
      if (request != null) {
        request.setAttribute(ATTRIBUTE, e.getMessage(), RequestAttributes.SCOPE_REQUEST);
      }
      throw e;
    }
  }
}
