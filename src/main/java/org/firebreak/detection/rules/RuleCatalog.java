package org.firebreak.detection.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.firebreak.chain.Diagnostics;
import org.firebreak.playbook.PlaybookCatalog;
import org.firebreak.shared.IncidentType;
import org.firebreak.shared.InvalidConfiguration;
import org.firebreak.shared.YamlDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;

/**
 * The rules in force: the shipped defaults (the operators' three agreed rules and the chain rules), replaced,
 * turned off or extended by the operators' directory. Loading checks everything at once and stops start-up with
 * file, line and field on the first error: an unknown diagnostic, an incident type without a playbook, a where
 * expression that does not parse.
 */
@Service
public class RuleCatalog {

    private static final Logger log = LoggerFactory.getLogger(RuleCatalog.class);
    private static final String SHIPPED = "classpath*:firebreak/rules/*.yml";

    private final Path directory;
    private final Map<String, Rule> rules;

    @org.springframework.beans.factory.annotation.Autowired
    RuleCatalog(RuleSettings settings, Diagnostics diagnostics, PlaybookCatalog playbooks) {
        this(settings.directory(), diagnostics.list().stream().map(Diagnostics.DiagnosticInfo::name)
                .collect(Collectors.toSet()), playbooks.knownTypes());
    }

    /** Checks rules against these diagnostic names and incident types. */
    public RuleCatalog(Path directory, Set<String> diagnosticNames, Set<IncidentType> types) {
        this.directory = directory;
        this.rules = load(diagnosticNames, types);
    }

    /** Every rule, enabled or not, in file order. */
    public List<Rule> all() {
        return List.copyOf(rules.values());
    }

    public List<Rule> enabled() {
        return rules.values().stream().filter(Rule::isEnabled).toList();
    }

    public Optional<Rule> find(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    private Map<String, Rule> load(Set<String> diagnostics, Set<IncidentType> types) {
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (Resource resource : YamlDocuments.shipped(SHIPPED)) {
            String source = "firebreak/rules/" + resource.getFilename();
            try (InputStream in = resource.getInputStream()) {
                add(byId, YamlDocuments.read(source, in, RuleFile.class), source, diagnostics, types, false);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read shipped rules " + resource, e);
            }
        }
        for (Path file : YamlDocuments.filesIn(directory)) {
            add(byId, YamlDocuments.read(file, RuleFile.class), file.toString(), diagnostics, types, true);
        }
        return byId;
    }

    private static void add(Map<String, Rule> byId, RuleFile file, String source, Set<String> diagnostics,
            Set<IncidentType> types, boolean operators) {
        Set<String> inFile = new java.util.HashSet<>();
        for (int i = 0; i < file.rules().size(); i++) {
            Rule rule = file.rules().get(i);
            String at = "rules[" + i + "]";
            if (!inFile.add(rule.id())) {
                throw InvalidConfiguration.at(source, 0, at + ".id", "rule id '" + rule.id() + "' appears twice");
            }
            if (rule.diagnostic() != null && !diagnostics.contains(rule.diagnostic().name())) {
                throw InvalidConfiguration.at(source, 0, at + ".diagnostic.name", "no diagnostic named '"
                        + rule.diagnostic().name() + "'; known: " + String.join(", ", new java.util.TreeSet<>(diagnostics)));
            }
            if (rule.type() != null && !types.contains(rule.type())) {
                throw InvalidConfiguration.at(source, 0, at + ".type", "no playbook for incident type " + rule.type()
                        + "; known: " + types.stream().map(IncidentType::name).sorted().collect(Collectors.joining(", ")));
            }
            if (operators && byId.containsKey(rule.id())) {
                log.info("Rule {} from {} replaces the shipped rule", rule.id(), source);
            }
            byId.put(rule.id(), rule);
        }
    }
}
