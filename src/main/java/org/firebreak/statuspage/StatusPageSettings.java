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
 */
@ConfigurationProperties("firebreak.statuspage")
public record StatusPageSettings(@DefaultValue("Smart accounts on chain 138") String name,
        @DefaultValue("") String url, List<Component> components) {

    public record Component(String id, String name, String description, List<String> affectedBy) {
        public Component {
            affectedBy = affectedBy == null ? List.of(id) : List.copyOf(affectedBy);
            description = description == null ? "" : description;
        }
    }

    public StatusPageSettings {
        components = components == null ? List.of() : List.copyOf(components);
    }
}
