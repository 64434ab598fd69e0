package org.firebreak.console.lists;

import jakarta.servlet.http.HttpServletResponse;

import org.firebreak.incident.IncidentNotFound;
import org.firebreak.review.ActionItemNotFound;
import org.firebreak.review.ReviewNotFound;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A console page for what the list pages cannot find: an incident, a review, an action item. */
@ControllerAdvice(assignableTypes = { ReviewPages.class, ActionItemPages.class })
class ListsProblems {

    @ExceptionHandler({ IncidentNotFound.class, ReviewNotFound.class, ActionItemNotFound.class })
    String notFound(RuntimeException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("message", e.getMessage());
        return "console/lists/not-found";
    }
}
