package org.firebreak.shared.web;

import org.firebreak.shared.NotFound;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The console's answer to an address that names nothing (an incident, a review, an action item, a panel): a page in
 * the frame that says so, not a stack trace and not the API's JSON. Ordered before the API's {@link ApiProblemHandler},
 * which answers the same exceptions for the REST controllers.
 */
@ControllerAdvice(annotations = ConsolePage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFound e, Model model) {
        model.addAttribute("problem", e.getMessage());
        return "shared/not-found";
    }
}
