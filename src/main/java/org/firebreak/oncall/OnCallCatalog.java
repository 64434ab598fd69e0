package org.firebreak.oncall;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.firebreak.notify.ChannelServers;
import org.firebreak.shared.InvalidConfiguration;
import org.firebreak.shared.YamlDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The people, schedules and escalation policies in force: the operators' file, or the shipped devnet default when
 * there is none. Read and checked once at start-up; an unknown person, schedule or duplicate id stops start-up with
 * file, line and field.
 */
@Component
class OnCallCatalog {

    static final String SHIPPED = "firebreak/oncall/devnet-oncall.yml";
    private static final Logger log = LoggerFactory.getLogger(OnCallCatalog.class);

    private final String source;
    private final Lines lines;
    private final Map<String, Person> people = new LinkedHashMap<>();
    private final Map<String, Schedule> schedules = new LinkedHashMap<>();
    private final List<EscalationPolicy> policies;

    @Autowired
    OnCallCatalog(OnCallSettings settings) {
        this(settings.file());
    }

    OnCallCatalog(Path file) {
        String text;
        if (Files.isRegularFile(file)) {
            source = file.toString();
            text = read(file);
        } else {
            source = SHIPPED;
            text = shipped();
            log.info("No on-call file at {}: using the devnet default (alice, bob, carol; the plan's escalation path)",
                    file.toAbsolutePath());
        }
        OnCallFile parsed = parse(source, text);
        Lines lines = new Lines(source, text);
        this.lines = lines;
        for (Person p : parsed.people()) {
            if (people.putIfAbsent(p.id(), p) != null) {
                throw lines.duplicate(p.id(), "people[" + parsed.people().lastIndexOf(p) + "].id",
                        "person id '" + p.id() + "' appears twice");
            }
        }
        for (int s = 0; s < parsed.schedules().size(); s++) {
            Schedule schedule = parsed.schedules().get(s);
            if (schedules.putIfAbsent(schedule.id(), schedule) != null) {
                throw lines.duplicate(schedule.id(), "schedules[" + s + "].id",
                        "schedule id '" + schedule.id() + "' appears twice");
            }
            for (int l = 0; l < schedule.layers().size(); l++) {
                List<String> participants = schedule.layers().get(l).participants();
                for (int p = 0; p < participants.size(); p++) {
                    knownPerson(lines, schedule.id(), participants.get(p),
                            "schedules[" + s + "].layers[" + l + "].participants[" + p + "]");
                }
            }
            for (int o = 0; o < schedule.overrides().size(); o++) {
                knownPerson(lines, schedule.id(), schedule.overrides().get(o).person(),
                        "schedules[" + s + "].overrides[" + o + "].person");
            }
        }
        Set<String> policyIds = new HashSet<>();
        for (int i = 0; i < parsed.policies().size(); i++) {
            EscalationPolicy policy = parsed.policies().get(i);
            if (!policyIds.add(policy.id())) {
                throw lines.duplicate(policy.id(), "policies[" + i + "].id",
                        "policy id '" + policy.id() + "' appears twice");
            }
            for (int l = 0; l < policy.levels().size(); l++) {
                EscalationPolicy.Level level = policy.levels().get(l);
                String at = "policies[" + i + "].levels[" + l + "]";
                if (level.schedule() != null && !schedules.containsKey(level.schedule())) {
                    throw lines.error(policy.id(), level.schedule(), at + ".schedule", "no schedule '" + level.schedule()
                            + "'; known: " + (schedules.isEmpty() ? "none" : String.join(", ", schedules.keySet())));
                }
                for (int p = 0; p < level.people().size(); p++) {
                    knownPerson(lines, policy.id(), level.people().get(p), at + ".people[" + p + "]");
                }
            }
        }
        if (parsed.policies().stream().noneMatch(p -> p.components().isEmpty())) {
            throw InvalidConfiguration.at(source, lines.lineOf("policies", "policies"), "policies",
                    "one policy must have no components: it takes the incidents no other policy claims");
        }
        policies = parsed.policies();
    }

    String source() {
        return source;
    }

    List<Person> people() {
        return List.copyOf(people.values());
    }

    /**
     * Each contact that goes nowhere with these channel servers (an ntfy topic with no ntfy server, a Telegram chat
     * with no bot token...), named as a configuration problem is (file, line, field) with the reason; a person none of
     * whose contacts can be reached is said to be unreachable.
     */
    List<String> unreachable(ChannelServers servers) {
        List<String> found = new ArrayList<>();
        List<Person> all = people();
        for (int p = 0; p < all.size(); p++) {
            Person person = all.get(p);
            int missing = 0;
            for (int c = 0; c < person.contacts().size(); c++) {
                Contact contact = person.contacts().get(c);
                Optional<String> why = servers.missing(contact.channel(), contact.address());
                if (why.isPresent()) {
                    missing++;
                    found.add(InvalidConfiguration.at(source, lines.lineOf(person.id(), contact.address()),
                            "people[" + p + "].contacts[" + c + "]", person.id() + "'s " + contact.channel()
                                    + " contact goes nowhere: " + why.get()).getMessage()
                            + (missing == person.contacts().size() ? " (" + person.id() + " cannot be paged at all)" : ""));
                }
            }
        }
        return found;
    }

    Optional<Person> person(String id) {
        return Optional.ofNullable(people.get(id));
    }

    List<Schedule> schedules() {
        return List.copyOf(schedules.values());
    }

    Optional<Schedule> schedule(String id) {
        return Optional.ofNullable(schedules.get(id));
    }

    /** The first policy claiming one of the incident's components, otherwise the first without components. */
    EscalationPolicy policyFor(List<String> components) {
        return policies.stream().filter(p -> p.components().stream().anyMatch(components::contains)).findFirst()
                .or(() -> policies.stream().filter(p -> p.components().isEmpty()).findFirst())
                .orElseThrow();
    }

    List<EscalationPolicy> policies() {
        return policies;
    }

    private void knownPerson(Lines lines, String owner, String id, String field) {
        if (!people.containsKey(id)) {
            throw lines.error(owner, id, field, "no person '" + id + "'; known: " + String.join(", ", people.keySet()));
        }
    }

    private static OnCallFile parse(String source, String text) {
        try (InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))) {
            return YamlDocuments.read(source, in, OnCallFile.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw InvalidConfiguration.in(file, "cannot be read: " + e.getMessage());
        }
    }

    private static String shipped() {
        try (InputStream in = new ClassPathResource(SHIPPED).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + SHIPPED, e);
        }
    }

    /**
     * Finds the line of a value the records cannot locate themselves (a reference to an unknown id): the first line
     * holding it as a word after the line that names its owner.
     */
    private record Lines(String source, String text) {

        InvalidConfiguration error(String owner, String value, String field, String problem) {
            return InvalidConfiguration.at(source, lineOf(owner, value), field, problem);
        }

        /** An id declared twice: the line of its second declaration. */
        InvalidConfiguration duplicate(String id, String field, String problem) {
            Pattern declaration = Pattern.compile("\\bid:\\s*[\"']?" + Pattern.quote(id) + "[\"']?\\s*(?:[,}#]|$)");
            String[] lines = text.split("\\R", -1);
            int seen = 0;
            for (int i = 0; i < lines.length; i++) {
                if (declaration.matcher(lines[i]).find() && ++seen == 2) {
                    return InvalidConfiguration.at(source, i + 1, field, problem);
                }
            }
            return InvalidConfiguration.at(source, 0, field, problem);
        }

        int lineOf(String owner, String value) {
            String[] lines = text.split("\\R", -1);
            Pattern word = Pattern.compile("(?<![\\w.-])" + Pattern.quote(value) + "(?![\\w.-])");
            Pattern ownerWord = Pattern.compile("(?<![\\w.-])" + Pattern.quote(owner) + "(?![\\w.-])");
            int from = 0;
            for (int i = 0; i < lines.length; i++) {
                if (ownerWord.matcher(lines[i]).find()) {
                    from = i;
                    break;
                }
            }
            for (int i = from; i < lines.length; i++) {
                if (!lines[i].stripLeading().startsWith("#") && word.matcher(lines[i]).find()) {
                    return i + 1;
                }
            }
            return 0;
        }
    }
}
