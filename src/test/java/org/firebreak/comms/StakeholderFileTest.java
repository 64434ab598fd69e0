package org.firebreak.comms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.firebreak.notify.ChannelKind;
import org.firebreak.notify.Destination;
import org.firebreak.shared.InvalidConfiguration;
import org.firebreak.shared.YamlDocuments;
import org.junit.jupiter.api.Test;

class StakeholderFileTest {

    private static StakeholderFile read(String yaml) {
        return YamlDocuments.read("stakeholders.yml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                StakeholderFile.class);
    }

    @Test
    void groupsCoverTheirComponentsOrEverythingWithAStar() {
        StakeholderFile file = read("""
                groups:
                  - name: partners
                    components: [delegations, paymaster]
                    notify:
                      - channel: email
                        address: partners@example.com
                      - channel: Slack
                        address: https://hooks.slack.example/services/T0/B0/secret
                  - name: leadership
                    components: ["*"]
                    notify:
                      - channel: console
                        address: leadership
                """);
        StakeholderFile.Group partners = file.groups().get(0);
        assertThat(partners.covers(List.of("rpc", "delegations"))).isTrue();
        assertThat(partners.covers(List.of("rpc"))).isFalse();
        assertThat(file.groups().get(1).covers(List.of())).isTrue();
        assertThat(Stakeholders.destinations(file.groups())).containsExactly(
                new Destination(ChannelKind.EMAIL, "partners@example.com", null),
                new Destination(ChannelKind.SLACK, "https://hooks.slack.example/services/T0/B0/secret", null),
                new Destination(ChannelKind.CONSOLE, "leadership", null));
        assertThat(partners.contacts().get(1).toString()).doesNotContain("secret");
    }

    @Test
    void anUnknownChannelNamesFileLineAndField() {
        assertThatThrownBy(() -> read("""
                groups:
                  - name: partners
                    components: [delegations]
                    notify:
                      - channel: pager
                        address: partners
                """)).isInstanceOf(InvalidConfiguration.class).hasMessage("stakeholders.yml:5: field "
                + "'groups[0].notify[0].channel': 'pager' is not a channel; allowed: webhook, slack, email, console, "
                + "ntfy, telegram, matrix, sms");
    }

    @Test
    void badAddressesMissingComponentsAndTyposAreRefused() {
        assertThatThrownBy(() -> read("""
                groups:
                  - name: partners
                    components: [delegations]
                    notify:
                      - channel: email
                        address: not-an-address
                """)).hasMessageContaining("stakeholders.yml:6: field 'groups[0].notify[0].address': "
                + "'not-an-address' is not an email address");
        assertThatThrownBy(() -> read("""
                groups:
                  - name: partners
                    components: []
                    notify:
                      - channel: console
                        address: partners
                """)).hasMessageContaining("field 'groups[0].components': name at least one component");
        assertThatThrownBy(() -> read("""
                groups:
                  - name: partners
                    component: [rpc]
                """)).hasMessageContaining("field 'groups[0].components': is required");
        assertThatThrownBy(() -> read("""
                groups:
                  - name: partners
                    components: [rpc]
                    notify: [{channel: webhook, address: "ftp://x"}]
                  - name: partners
                    components: [rpc]
                    notify: [{channel: console, address: x}]
                """)).hasMessageContaining("must be an http(s) URL");
        assertThatThrownBy(() -> read("""
                groups:
                  - name: partners
                    components: [rpc]
                    notify: [{channel: matrix, address: "#partners:matrix.example.org"}]
                """)).hasMessageContaining("field 'groups[0].notify[0].address': '#partners:matrix.example.org' is not "
                + "a Matrix room id");
    }
}
