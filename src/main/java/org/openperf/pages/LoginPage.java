package org.openperf.pages;

import org.openperf.security.LoginSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The one login for the app's pages, its API in the browser and the Camunda webapps. */
@Controller
public class LoginPage {

    private final LoginSettings settings;

    public LoginPage(LoginSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/login")
    public String login(Model model) {
        model.addAttribute("lockMinutes", Math.max(1, settings.lockDuration().toMinutes()));
        return "login";
    }
}
