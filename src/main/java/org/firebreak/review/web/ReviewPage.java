package org.firebreak.review.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.firebreak.review.ReviewExports;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The review page: the template the PDF export renders, served to a browser. */
@Controller
@Hidden
class ReviewPage {

    private final ReviewExports exports;

    ReviewPage(ReviewExports exports) {
        this.exports = exports;
    }

    @GetMapping("/reviews/{id}")
    String show(@PathVariable String id, Model model) {
        model.addAllAttributes(exports.model(ReviewController.id(id)));
        return "review/document";
    }
}
