package org.firebreak.oncall;

import org.firebreak.notify.ChannelServers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start-up, once, which on-call contacts go nowhere with the channel servers configured (an ntfy topic and no
 * ntfy server, a Telegram chat and no bot token...): the same lines {@code firebreak check --config-dir} prints as
 * warnings. Firebreak still starts: the person's other contacts, the next level and the team channel still work,
 * and a missing token must not keep the whole watch down.
 */
@Component
class UnreachableContacts {

    private static final Logger log = LoggerFactory.getLogger(UnreachableContacts.class);

    private final OnCallCatalog catalog;
    private final ChannelServers servers;

    UnreachableContacts(OnCallCatalog catalog, ChannelServers servers) {
        this.catalog = catalog;
        this.servers = servers;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warn() {
        for (String line : catalog.unreachable(servers)) {
            log.warn("On-call contact that cannot be paged: {}", line);
        }
    }
}
