package org.firebreak.chain.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.firebreak.chain.ChainEvents;
import org.firebreak.chain.FollowerStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The block follower's position, lag, reorgs and last error. */
@RestController
@RequestMapping("/api/v1/chain")
@Tag(name = "Chain")
class FollowerController {

    private final ChainEvents events;

    FollowerController(ChainEvents events) {
        this.events = events;
    }

    @GetMapping("/follower")
    @Operation(summary = "Where the block follower stands: last followed block, head, lag, reorgs, last error")
    FollowerStatus follower() {
        return events.status();
    }
}
