package org.firebreak.incident;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.firebreak.shared.Severity;
import org.firebreak.shared.YamlDocuments;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Classifies an incident by the plan's criteria: the most severe level among the criteria given. Criteria are
 * matched by id or label, ignoring case, spaces, hyphens and underscores ("funds at risk" = FUNDS_AT_RISK).
 */
@Component
public class ClassificationPolicy {

    private static final String SOURCE = "firebreak/severity-criteria.yml";

    private final List<SeverityCriterion> criteria;
    private final Map<String, SeverityCriterion> byKey = new LinkedHashMap<>();

    public ClassificationPolicy() {
        try (InputStream in = new ClassPathResource(SOURCE).getInputStream()) {
            this.criteria = YamlDocuments.read(SOURCE, in, Document.class).criteria();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + SOURCE, e);
        }
        for (SeverityCriterion c : criteria) {
            byKey.put(key(c.id()), c);
            byKey.put(key(c.label()), c);
        }
    }

    /** Every criterion, most severe first, in the plan's order. */
    public List<SeverityCriterion> criteria() {
        return criteria;
    }

    public Optional<SeverityCriterion> find(String text) {
        return Optional.ofNullable(byKey.get(key(text)));
    }

    /** Resolves the texts to criteria, naming the first unknown one by its index. */
    List<SeverityCriterion> resolve(List<String> texts) {
        List<SeverityCriterion> resolved = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            int index = i;
            SeverityCriterion criterion = find(text).orElseThrow(() -> new InvalidIncidentInput("criteria[" + index + "]",
                    "'" + text + "' is not one of the plan's criteria; known: "
                            + String.join(", ", criteria.stream().map(SeverityCriterion::label).toList())));
            if (!resolved.contains(criterion)) {
                resolved.add(criterion);
            }
        }
        return resolved;
    }

    /** The plan's severity for these criteria; empty when there are none. */
    public Optional<Severity> classify(List<SeverityCriterion> given) {
        return given.stream().map(SeverityCriterion::severity).reduce(Severity::mostSevere);
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ");
    }

    record Document(List<SeverityCriterion> criteria) {
    }
}
