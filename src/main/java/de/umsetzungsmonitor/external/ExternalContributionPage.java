package de.umsetzungsmonitor.external;

import de.umsetzungsmonitor.external.PhaseTwoService.LinkView;
import de.umsetzungsmonitor.process.InvalidInputException;
import de.umsetzungsmonitor.reporting.PageFormat;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The small German page behind an external body's link ({@code /extern/beitraege/{token}}): no
 * account, no session with the application, nothing but this one involvement. Every refusal
 * (tampered, expired, used, not awaited) is a page of its own that says why, and writes nothing.
 */
@Controller
class ExternalContributionPage {

  private static final Logger log = LoggerFactory.getLogger(ExternalContributionPage.class);

  private final PhaseTwoService phaseTwo;

  ExternalContributionPage(PhaseTwoService phaseTwo) {
    this.phaseTwo = phaseTwo;
  }

  @GetMapping("/extern/beitraege/{token}")
  String form(@PathVariable String token, Model model, HttpServletResponse response) {
    try {
      return show(phaseTwo.openLink(token), null, null, false, model);
    } catch (LinkRefusedException e) {
      return refused(token, e.reason(), model, response);
    }
  }

  @PostMapping("/extern/beitraege/{token}")
  String submit(@PathVariable String token, @RequestParam(name = "beitrag", required = false) String text,
      @RequestParam(name = "abgeschlossen", required = false) String finished, Model model, HttpServletResponse response) {
    boolean last = "ja".equals(finished);
    try {
      phaseTwo.contributeViaLink(token, text, last);
    } catch (LinkRefusedException e) {
      return refused(token, e.reason(), model, response);
    } catch (OptimisticLockingFailureException e) {
      return refused(token, LinkRefusedException.Reason.USED, model, response);
    } catch (InvalidInputException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      try {
        return show(phaseTwo.openLink(token), e.getMessage(), text, last, model);
      } catch (LinkRefusedException refused) {
        return refused(token, refused.reason(), model, response);
      }
    }
    model.addAttribute("last", last);
    return "extern/danke";
  }

  private static String show(LinkView view, String error, String text, boolean last, Model model) {
    model.addAttribute("view", view);
    model.addAttribute("error", error);
    model.addAttribute("text", text);
    model.addAttribute("last", last);
    model.addAttribute("format", PageFormat.GERMAN);
    return "extern/beitrag";
  }

  private static String refused(String token, LinkRefusedException.Reason reason, Model model, HttpServletResponse response) {
    log.info("Contribution link {} refused: {}", ContributionLinks.fingerprint(token), reason);
    response.setStatus(reason.status());
    model.addAttribute("message", reason.message());
    return "extern/hinweis";
  }
}
