package de.umsetzungsmonitor.notification;

import de.umsetzungsmonitor.process.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A German page behind the Tasklist login where people choose immediate mails or the daily digest. */
@Controller
class NotificationSettingsPage {

  /** Where the page is; the notices link to it. */
  static final String PATH = "/einstellungen/benachrichtigungen";

  private final NotificationSettings settings;

  NotificationSettingsPage(NotificationSettings settings) {
    this.settings = settings;
  }

  @GetMapping(PATH)
  String page(Authentication user, Model model) {
    model.addAttribute("current", settings.deliveryOf(user.getName()).name());
    model.addAttribute("choices", NoticeDelivery.values());
    return "einstellungen/benachrichtigungen";
  }

  @PostMapping(PATH)
  String save(@RequestParam(name = "delivery", required = false) String delivery, Authentication user, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    try {
      settings.choose(user.getName(), delivery);
    } catch (InvalidInputException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("current", settings.deliveryOf(user.getName()).name());
      model.addAttribute("choices", NoticeDelivery.values());
      model.addAttribute("error", e.getMessage());
      return "einstellungen/benachrichtigungen";
    }
    redirect.addFlashAttribute("saved", true);
    return "redirect:" + PATH;
  }
}
