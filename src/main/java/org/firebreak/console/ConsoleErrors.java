package org.firebreak.console;

import org.firebreak.incident.IncidentNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The console's answer to an address that names no incident: a page in the frame that says so, not a stack trace. */
@ControllerAdvice(assignableTypes = { IncidentRoom.class, DashboardPage.class, OpenIncidentPage.class })
class ConsoleErrors {

    @ExceptionHandler({ IncidentNotFound.class, ConsoleNotFound.class })
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(RuntimeException e, Model model) {
        model.addAttribute("problem", e.getMessage());
        return "console/not-found";
    }
}
