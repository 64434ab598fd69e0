package org.firebreak.statuspage;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the status page shows ({@code firebreak.statuspage.*}).
 *
 * @param name the page's title
 * @param url the page's public address, for links in the JSON and the feed; empty: {@code firebreak.public-url}
 *        followed by {@code /status}
 * @param components in display order; each lists the incident components (as incidents and rules name them)
 *        that affect it
 * @param subscribers who may subscribe to changes of the page, and how
 */
@ConfigurationProperties("firebreak.statuspage")
public record StatusPageSettings(@DefaultValue("Smart accounts on chain 138") String name,
        @DefaultValue("") String url, List<Component> components, @DefaultValue Subscribers subscribers) {

    public record Component(String id, String name, String description, List<String> affectedBy) {
        public Component {
            affectedBy = affectedBy == null ? List.of(id) : List.copyOf(affectedBy);
            description = description == null ? "" : description;
        }
    }

    /**
     * Subscriptions to the page ({@code firebreak.statuspage.subscribers.*}).
     *
     * @param confirmWithin how long an email subscription's confirmation link works
     * @param checkEvery how often the page's public state is compared with the last one told, besides right after an
     *        incident opens, changes status or severity or a status update is posted (maintenance windows start and
     *        end on their own; components may be added to an incident)
     * @param perClientPerHour subscription requests one client address may make in an hour
     * @param allowPrivateWebhooks whether a webhook may point at a loopback, private or link-local address (the
     *        devnet and the tests; never on a public server, where it would reach into the server's own network)
     */
    public record Subscribers(@DefaultValue("48h") java.time.Duration confirmWithin,
            @DefaultValue("30s") java.time.Duration checkEvery, @DefaultValue("10") int perClientPerHour,
            @DefaultValue("false") boolean allowPrivateWebhooks) {
    }

    public StatusPageSettings {
        components = components == null ? List.of() : List.copyOf(components);
    }
}
