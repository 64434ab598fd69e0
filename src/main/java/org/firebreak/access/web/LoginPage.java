package org.firebreak.access.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; Spring Security handles its POST (and /logout). */
@Controller
@Hidden
class LoginPage {

    @GetMapping("/login")
    String login() {
        return "console/login";
    }
}
