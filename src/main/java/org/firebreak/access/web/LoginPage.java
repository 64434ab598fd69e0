package org.firebreak.access.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.firebreak.shared.web.ConsolePage;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; Spring Security handles its POST (and /logout). */
@ConsolePage
@Hidden
class LoginPage {

    @GetMapping("/login")
    String login() {
        return "access/login";
    }
}
