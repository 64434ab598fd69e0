package org.firebreak.playbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.firebreak.shared.IncidentType;
import org.firebreak.shared.InvalidConfiguration;
import org.firebreak.shared.Severity;
import org.firebreak.shared.YamlDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;

/**
 * The playbooks in force: the shipped defaults, overridden and extended by the operators' directory.
 * Loading validates everything at once and fails start-up with file, line and field on the first error,
 * so a broken playbook never reaches an incident.
 */
@Service
public class PlaybookCatalog {

    private static final Logger log = LoggerFactory.getLogger(PlaybookCatalog.class);
    private static final String SHIPPED = "classpath*:firebreak/playbooks/*.yml";

    private final Path directory;
    private volatile Snapshot snapshot;

    public PlaybookCatalog(PlaybookSettings settings) {
        this.directory = settings.directory();
        this.snapshot = load();
    }

    /** Every playbook in force, procedures first, then common-incident playbooks, each by id. */
    public List<Playbook> all() {
        return snapshot.byId.values().stream()
                .sorted(Comparator.comparing(Playbook::kind).thenComparing(Playbook::id))
                .toList();
    }

    public Optional<Playbook> find(String id) {
        return Optional.ofNullable(snapshot.byId.get(id));
    }

    /** The response procedure for a severity; every severity has one (checked at load). */
    public Playbook procedureFor(Severity severity) {
        return snapshot.procedures.get(severity);
    }

    public Optional<Playbook> playbookFor(IncidentType type) {
        return Optional.ofNullable(snapshot.byType.get(type));
    }

    /** The incident types Firebreak knows: one per common-incident playbook, plus UNCLASSIFIED. */
    public Set<IncidentType> knownTypes() {
        Set<IncidentType> types = new TreeSet<>(Comparator.comparing(IncidentType::name));
        types.addAll(snapshot.byType.keySet());
        types.add(IncidentType.UNCLASSIFIED);
        return types;
    }

    /** An incident's checklist: the severity's procedure, then the type's playbook, each in its own order. */
    public List<PlannedStep> checklistFor(Severity severity, IncidentType type) {
        List<PlannedStep> steps = new ArrayList<>(procedureFor(severity).plannedSteps());
        playbookFor(type).ifPresent(playbook -> steps.addAll(playbook.plannedSteps()));
        return steps;
    }

    /** Re-reads the operators' directory; on error the playbooks in force stay as they were. */
    public void reload() {
        this.snapshot = load();
    }

    private Snapshot load() {
        Map<String, Playbook> byId = new LinkedHashMap<>();
        Map<String, String> origin = new LinkedHashMap<>();
        for (Resource resource : YamlDocuments.shipped(SHIPPED)) {
            try (InputStream in = resource.getInputStream()) {
                Playbook playbook = YamlDocuments.read("firebreak/playbooks/" + resource.getFilename(), in, Playbook.class);
                put(byId, origin, playbook, "firebreak/playbooks/" + resource.getFilename());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read shipped playbook " + resource, e);
            }
        }
        Map<String, String> operatorIds = new LinkedHashMap<>();
        for (Path file : YamlDocuments.filesIn(directory)) {
            Playbook playbook = YamlDocuments.read(file, Playbook.class);
            String earlier = operatorIds.putIfAbsent(playbook.id(), file.toString());
            if (earlier != null) {
                throw InvalidConfiguration.at(file.toString(), 0, "id",
                        "playbook id '" + playbook.id() + "' is already declared in " + earlier);
            }
            if (byId.containsKey(playbook.id())) {
                log.info("Playbook {} from {} replaces the shipped version {}", playbook.id(), file,
                        byId.get(playbook.id()).version());
            }
            put(byId, origin, playbook, file.toString());
        }
        return Snapshot.of(byId, origin);
    }

    private static void put(Map<String, Playbook> byId, Map<String, String> origin, Playbook playbook, String source) {
        byId.put(playbook.id(), playbook);
        origin.put(playbook.id(), source);
    }

    private record Snapshot(Map<String, Playbook> byId, Map<Severity, Playbook> procedures,
            Map<IncidentType, Playbook> byType) {

        static Snapshot of(Map<String, Playbook> byId, Map<String, String> origin) {
            Map<Severity, Playbook> procedures = new EnumMap<>(Severity.class);
            Map<IncidentType, Playbook> byType = new LinkedHashMap<>();
            for (Playbook playbook : byId.values()) {
                String source = origin.get(playbook.id());
                if (playbook.kind() == PlaybookKind.RESPONSE_PROCEDURE) {
                    for (Severity severity : playbook.severities()) {
                        Playbook other = procedures.putIfAbsent(severity, playbook);
                        if (other != null) {
                            throw InvalidConfiguration.at(source, 0, "severities", "severity " + severity
                                    + " is already served by playbook '" + other.id() + "' (" + origin.get(other.id()) + ")");
                        }
                    }
                } else {
                    Playbook other = byType.putIfAbsent(playbook.incidentType(), playbook);
                    if (other != null) {
                        throw InvalidConfiguration.at(source, 0, "incidentType", "type " + playbook.incidentType()
                                + " is already served by playbook '" + other.id() + "' (" + origin.get(other.id()) + ")");
                    }
                }
            }
            for (Severity severity : Severity.values()) {
                if (!procedures.containsKey(severity)) {
                    throw InvalidConfiguration.at("playbooks", 0, "severities",
                            "no RESPONSE_PROCEDURE serves severity " + severity);
                }
            }
            return new Snapshot(Map.copyOf(byId), procedures, Map.copyOf(byType));
        }
    }
}
