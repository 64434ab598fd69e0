package org.firebreak.shared.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every server-rendered page {@code me}, the {@link Actor} the console's frame shows and decides buttons by. */
@ControllerAdvice(annotations = Controller.class)
class ConsoleFrame {

    @ModelAttribute("me")
    Actor me(Actor actor) {
        return actor;
    }
}
