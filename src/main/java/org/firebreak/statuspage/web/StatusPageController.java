package org.firebreak.statuspage.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.firebreak.statuspage.StatusPage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The public status page: HTML for people, Statuspage v2 JSON and an Atom feed for machines. */
@Controller
@Hidden
class StatusPageController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final StatusPage page;

    StatusPageController(StatusPage page) {
        this.page = page;
    }

    @GetMapping("/status")
    String html(Model model) {
        model.addAttribute("s", page.summary());
        return "status/page";
    }

    @GetMapping({ "/status/api/v2/summary.json", "/api/v2/summary.json" })
    @ResponseBody
    StatuspageJson.Summary summary() {
        return StatuspageJson.of(page.summary());
    }

    @GetMapping({ "/status/api/v2/status.json", "/api/v2/status.json" })
    @ResponseBody
    StatuspageJson.StatusOnly status() {
        return StatuspageJson.status(page.summary());
    }

    @GetMapping("/status/history.atom")
    ResponseEntity<String> atom() {
        return ResponseEntity.ok().contentType(ATOM).body(AtomFeed.render(page.summary()));
    }
}
