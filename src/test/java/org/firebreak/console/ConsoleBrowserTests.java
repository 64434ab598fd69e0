package org.firebreak.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentStatus;
import org.firebreak.incident.StepView;
import org.firebreak.access.AccountApi;
import org.firebreak.shared.web.Role;
import org.firebreak.support.Browser;
import org.firebreak.support.HttpApi;
import org.firebreak.support.OwnSchema;
import org.firebreak.support.Settle;
import org.firebreak.support.TestDevnet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console end to end in headless Chromium, on the shared test devnet so that the automated checks really run:
 * open the dashboard, open a Critical incident by form, work it in the room while changes made elsewhere arrive
 * without a reload, acknowledge and resolve it. System clock, so ages and times read as they would. Writes the
 * screenshots under docs/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "firebreak.data-dir=./target/test-data/${random.uuid}", "firebreak.devnet=true",
        "firebreak.access.bootstrap-token=" + HttpApi.BOOTSTRAP_TOKEN,
        "firebreak.playbooks.directory=target/test-data/no-operator-playbooks",
        "firebreak.scheduler.enabled=false" })
@Tag("integration")
class ConsoleBrowserTests {

    private static final Path SCREENSHOTS = Path.of("docs/screenshots");

    @LocalServerPort
    int port;

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    IncidentApi incidents;

    @Autowired
    AccountApi accounts;

    private Browser browser;

    @DynamicPropertySource
    static void devnetProfile(DynamicPropertyRegistry registry) {
        registry.add("firebreak.chain.profile", () -> TestDevnet.profilePath().toString());
        // Incident numbers and people of its own on PostgreSQL, where contexts otherwise share one store.
        OwnSchema.register(registry);
    }

    @BeforeEach
    void openBrowser() {
        for (var person : java.util.Map.of("carol", Role.COMMANDER, "vic", Role.VIEWER).entrySet()) {
            if (accounts.find(person.getKey()).isEmpty()) {
                accounts.create(person.getKey(), null, person.getValue(), PASSWORD, true, "tests");
            } else {
                accounts.update(person.getKey(), person.getValue(), true, PASSWORD, null, "tests");
            }
        }
        browser = Browser.open(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    private String text(String css) {
        return browser.text(css);
    }

    private long timelineEntries(String containing) {
        return browser.all("#timeline ol.timeline > li").stream().filter(li -> li.getText().contains(containing)).count();
    }

    @Test
    void aCommanderOpensACriticalIncidentByFormAndWorksItLive() {
        browser.go("/");
        browser.await("the sign-in page for a stranger", d -> browser.path().equals("/login"));
        browser.signIn("carol", PASSWORD);
        assertThat(text("h1")).isEqualTo("Dashboard");
        assertThat(text("header .who")).contains("carol", "commander");
        browser.find("a.button[href='/incidents/new']").click();

        browser.await("the open-incident form", d -> browser.path().equals("/incidents/new"));
        browser.find("#title").sendKeys("Delegation redemptions revert");
        assertThat(text("#severity-preview")).contains("Tick at least one criterion");
        browser.find("input[name=criteria][value=PERFORMANCE_ISSUES]").click();
        browser.await("the preview to say High", d -> text("#severity-preview").contains("High — Performance issues"));
        browser.find("input[name=criteria][value=FUNDS_AT_RISK]").click();
        browser.await("the preview to say Critical", d -> text("#severity-preview").contains("Critical — Funds at risk"));
        new Select(browser.find("#type")).selectByValue("DELEGATION_FAILURE");
        browser.find("#components").sendKeys("delegations");
        assertThat(browser.find("#commander").getAttribute("value")).isEqualTo("carol");
        browser.screenshot(SCREENSHOTS.resolve("open-incident.png"));
        browser.find("#open-form button[type=submit]").click();

        String path = browser.await("the incident room", d -> browser.path().matches("/incidents/INC-\\d+") ? browser.path() : null);
        IncidentId id = IncidentId.parse(path.substring("/incidents/".length()));
        assertThat(text("#incident-title")).contains(id.toString(), "Delegation redemptions revert");
        assertThat(text("#top .sev")).isEqualTo("CRITICAL");
        List<String> steps = browser.await("the checklist", d -> browser.all("ol.checklist > li").stream()
                .map(li -> li.getAttribute("data-step")).toList());
        assertThat(steps).first().isEqualTo("Pause system");
        assertThat(steps).contains("Assess impact", "Check delegation framework");

        // The automated checks run by themselves and land in the open room.
        int framework = step(id, "Check delegation framework").no();
        browser.await("the delegation framework finding", d -> !browser.all("#step-" + framework + " [data-finding]").isEmpty());
        // What else lands by itself (the stakeholders' notice) has landed before working the page by hand.
        Settle.settle(incidents, id);

        // The pause sits behind a confirmation naming the contracts and the guardian that signs.
        browser.click("#step-1 button[data-dialog]");
        WebElement dialog = browser.await("the pause confirmation", d -> browser.find("#confirm-step-1").isDisplayed()
                ? browser.find("#confirm-step-1") : null);
        assertThat(dialog.getText()).contains("DelegationManager", TestDevnet.profile().contracts().delegationManager().address(),
                TestDevnet.profile().guardian().address());
        dialog.findElement(By.cssSelector("[data-close-dialog]")).click();

        int assess = step(id, "Assess impact").no();
        browser.click("#step-" + assess + " button[aria-label='Done: Assess impact']");
        browser.await("step done", d -> text("#step-" + assess + " [data-state]").equals("DONE"));
        assertThat(text("#step-" + assess)).contains("Done by carol");

        int notify = step(id, "Notify stakeholders immediately").no();
        browser.click("#step-" + notify + " summary[aria-label^='Skip']");
        browser.find("#skip-" + notify).sendKeys("the paging already reached the delegations stakeholders");
        browser.find("#skip-" + notify).submit();
        browser.await("step skipped", d -> text("#step-" + notify + " [data-state]").equals("SKIPPED"));
        assertThat(text("#step-" + notify)).contains("Skipped by carol", "the paging already reached");

        String loaded = UUID.randomUUID().toString();
        browser.script("window.__fbLoaded = arguments[0];", loaded);
        long ranBefore = timelineEntries("Ran step " + framework);

        // Elsewhere (another responder, another node): the check re-run and a note, straight through the API.
        incidents.runStep(id, framework, "dave", false);
        incidents.addNote(id, "dave: redemptions from the paymaster path revert too", "dave");

        browser.await("the re-run on the timeline", d -> timelineEntries("Ran step " + framework) == ranBefore + 1);
        browser.await("dave's note on the timeline", d -> timelineEntries("redemptions from the paymaster path") == 1);
        browser.await("the finding by dave's run", d -> text("#step-" + framework + " [data-finding]").contains("OK"));
        assertThat(browser.script("return window.__fbLoaded;")).as("the page was not reloaded").isEqualTo(loaded);

        // Tall enough to show the checks' findings below the manual steps.
        browser.size(1440, 1700).script("window.scrollTo(0, 0);");
        browser.screenshot(SCREENSHOTS.resolve("incident-room.png"));
        browser.size(390, 1800).script("window.scrollTo(0, 0);");
        browser.screenshot(SCREENSHOTS.resolve("incident-room-phone.png"));
        Object overflowing = browser.script("""
                return [...document.querySelectorAll('main *')]
                    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                        && !e.closest('details:not([open]), dialog:not([open])'))
                    .slice(0, 5).map(e => e.tagName + '.' + e.className + ': ' + e.textContent.slice(0, 40));""");
        assertThat((List<?>) overflowing).as("nothing in the room is wider than a phone").isEmpty();
        browser.size(1440, 1000);
        browser.go("/");
        browser.await("the incident on the dashboard", d -> !browser.all("tr[data-incident='" + id + "']").isEmpty());
        assertThat(text("tr[data-incident='" + id + "']")).contains("CRITICAL", "Delegation redemptions revert", "carol");
        browser.screenshot(SCREENSHOTS.resolve("dashboard.png"));

        browser.go("/incidents/" + id);
        browser.click("#top button.primary");
        browser.await("acknowledged", d -> text("#top [data-status]").equals("ACKNOWLEDGED"));
        browser.click("#top button[data-move=RESOLVED]");
        browser.await("resolved", d -> text("#top [data-status]").equals("RESOLVED"));
        assertThat(incidents.get(id).status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(incidents.get(id).acknowledgedAt()).isNotNull();

        // The charts draw under the same policy: scripts from Firebreak's own files only.
        browser.go("/reviews/analytics");
        browser.await("the charts drawn", d -> !browser.all("#chart-tta svg").isEmpty());
        assertThat(browser.consoleErrors()).as("no script error and nothing the Content-Security-Policy refused, "
                + "on any page of the walk").isEmpty();
    }

    @Test
    void aCommanderTicksEveryRowOfAPageButOneAndAcknowledgesThemAtOnce() {
        String storm = "Storm " + UUID.randomUUID().toString().substring(0, 8);
        List<IncidentId> ids = java.util.stream.IntStream.rangeClosed(1, 3).mapToObj(n -> incidents.open(
                org.firebreak.incident.OpenIncidentBuilder.anIncident().titled(storm + " " + n)
                        .withSeverity(org.firebreak.shared.Severity.LOW).build(), "carol").id()).toList();
        browser.signIn("carol", PASSWORD);
        browser.go("/incidents?q=" + storm.replace(' ', '+'));

        browser.click("[data-select-all]");
        browser.await("every row ticked", d -> browser.all("input[name=incidents]:checked").size() == 3);
        browser.click("input[name=incidents][value='" + ids.getFirst() + "']");
        assertThat(browser.script("return document.querySelector('[data-select-all]').indeterminate;"))
                .as("some rows ticked, not all").isEqualTo(true);
        browser.find("#selection-note").sendKeys("one storm, one fix");
        browser.click("button[name=action][value=ACKNOWLEDGE]");

        browser.await("the count of what changed", d -> text(".flash.ok").contains("2 changed, 0 unchanged"));
        assertThat(browser.path()).isEqualTo("/incidents?q=" + storm.replace(' ', '+'));
        assertThat(ids).extracting(id -> incidents.get(id).status()).containsExactly(IncidentStatus.TRIGGERED,
                IncidentStatus.ACKNOWLEDGED, IncidentStatus.ACKNOWLEDGED);
        assertThat(incidents.timeline(ids.getLast()).getLast().text()).endsWith("- one storm, one fix");
        assertThat(browser.consoleErrors()).as("nothing the Content-Security-Policy refused").isEmpty();
    }

    @Test
    void aViewerSeesTheIncidentButNoButtonAndTheEndpointsBehindThemRefuseIt() {
        IncidentId id = incidents.open(new org.firebreak.incident.OpenIncident("Paymaster deposit low", null,
                null, List.of("funds at risk"), "UNCLASSIFIED", List.of("paymaster"), "carol", null, null), "carol").id();
        browser.signIn("vic", PASSWORD);
        assertThat(text("header .who")).contains("vic", "viewer");
        assertThat(browser.all("a.button[href='/incidents/new']")).as("no Open incident button").isEmpty();

        browser.go("/incidents/" + id);
        browser.await("the checklist", d -> !browser.all("ol.checklist > li").isEmpty());
        assertThat(text("#incident-title")).contains("Paymaster deposit low");
        assertThat(browser.all("main form[method=post], main form[method=POST]")).as("no form that changes anything").isEmpty();
        assertThat(browser.all("main button")).as("no button but filters")
                .allMatch(b -> b.findElements(By.xpath("ancestor::*[contains(@class,'filters')]")).size() > 0);

        // What a forged button would post, with the page's own CSRF token: refused, and nothing changes.
        for (String post : List.of("/incidents/" + id + "/steps/2/done", "/incidents/" + id + "/notes",
                "/incidents/" + id + "/acknowledge", "/incidents/" + id + "/status", "/incidents/" + id + "/actions/pause",
                "/incidents/bulk?action=ACKNOWLEDGE&incidents=" + id)) {
            Object status = browser.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0], {method: 'POST', headers: {
                        'Content-Type': 'application/x-www-form-urlencoded',
                        [document.querySelector('meta[name=csrf-header]').content]:
                            document.querySelector('meta[name=csrf-token]').content},
                        body: 'status=RESOLVED&text=hi&confirm=true'}).then(r => done(r.status));""", post);
            assertThat(status).as(post).isEqualTo(403L);
        }
        assertThat(incidents.get(id).status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(incidents.timeline(id)).noneMatch(e -> e.actor().equals("vic"));

        browser.go("/incidents");
        browser.await("the incident list", d -> !browser.all("#results tbody tr").isEmpty());
        assertThat(browser.all("main input[type=checkbox], main form[method=post]")).as("no rows to tick").isEmpty();
    }

    private StepView step(IncidentId id, String title) {
        return incidents.get(id).checklist().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow();
    }
}
