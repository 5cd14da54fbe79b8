package app.escalate.bot.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands that name people, and the clock, used from the page as a newcomer would: a task
 * for {@code @Chloe}, an override for {@code @Kenji}, a day's jump over the follow-the-sun handoffs.
 */
class SandboxCommandsBrowserTest {
    private static final String MARIA = "U0ESCMARIA";

    private SandboxPage page;

    @AfterEach
    void stop() {
        if (page != null) page.close();
    }

    @Test
    void a_task_for_at_chloe_shows_her_and_an_override_for_at_kenji_is_set_from_the_page() throws Exception {
        page = new SandboxPage(1280, 900).open(MARIA);
        page.send("/esc open Voice clone of a bank manager sev2");
        page.until(p -> p.messages().contains("Opened ESC-1 (SEV2)"), "the case opens");
        page.switchTo("esc-1-voice-clone");

        page.send("/esc task add Call the bank @Chloe");
        page.until(p -> p.messages().contains("Call the bank"), "the task is announced");
        page.send("/esc task list");
        page.until(p -> p.messages().matches("(?s).*1\\. Call the bank.*@Chloe.*"), "the task list names Chloe as its assignee");

        // Tomorrow 09:00 to the day after, in Maria's zone (UTC in the example), by the sandbox clock.
        LocalDate tomorrow = LocalDate.ofInstant(page.clock(), ZoneOffset.UTC).plusDays(1);
        page.send("/esc override @Kenji " + tomorrow + " 09:00 " + tomorrow.plusDays(1) + " 09:00");
        page.until(p -> p.messages().contains("Override #1"), "the override is confirmed where it was typed");
        page.send("/esc oncall");
        page.until(p -> p.messages().matches("(?s).*Override #1: @Kenji.*"), "/esc oncall shows it");
        assertThat(page.messages()).doesNotContain("could not", "not in the workspace");
    }

    @Test
    void a_day_jumped_over_the_handoffs_posts_the_due_one_as_due_and_not_as_missed_while_the_bot_was_down() throws Exception {
        page = new SandboxPage(1280, 900).open(MARIA);
        page.until(p -> p.messages().contains("Welcome to the Escalate sandbox"), "the welcome is shown in #escalations");

        page.browser.findElement(By.cssSelector("[data-advance='P1D']")).click();

        page.until(p -> p.messages().contains("Accept handoff"), "the handoff the day brought due is posted in #escalations");
        assertThat(page.messages()).doesNotContain("while the bot was down", "Late");
        page.send("/esc handoff history");
        page.until(p -> p.messages().contains("Handoffs of Escalations on-call"), "the rotation's handoffs are listed");
        // Whichever handoffs the day held (that depends on the hour the test runs), none reads as missed or late.
        assertThat(page.messages()).doesNotContain("missed while the bot was down", "posted late", "Late");
    }

    @Test
    void the_open_form_asks_for_the_chosen_types_fields_and_the_case_opens_with_them() throws Exception {
        page = new SandboxPage(1280, 900).open(MARIA);
        page.send("/esc open");
        page.until(p -> p.browser.findElement(By.id("modal")).isDisplayed(), "the form opens");
        page.browser.findElement(By.name("title|title")).sendKeys("Ofcom asks for the takedown log");

        new org.openqa.selenium.support.ui.Select(page.browser.findElement(By.name("case_type|case_type"))).selectByValue("regulatory-request");

        page.until(p -> !p.all("[name='field_regulator|field_regulator']").isEmpty(), "the type's fields are added to the form");
        assertThat(page.browser.findElement(By.name("title|title")).getAttribute("value")).as("what was typed stays")
                .isEqualTo("Ofcom asks for the takedown log");
        page.browser.findElement(By.id("modal-submit")).click();
        page.until(p -> p.browser.findElement(By.id("modal")).getText().contains("needs this from the start"), "a field needed from the start is asked for");

        page.browser.findElement(By.name("field_regulator|field_regulator")).sendKeys("Ofcom");
        page.script("const el = document.querySelector(arguments[0]); el.value = '2026-11-24T08:30'; el.dataset.edited = '1';",
                "[name='field_received_at|field_received_at']");
        page.browser.findElement(By.id("modal-submit")).click();

        // A regulatory request is restricted: its private channel appears for Maria, who opened it.
        page.until(p -> !p.browser.findElement(By.id("modal")).isDisplayed(), "the form is taken and closes");
        page.switchTo("esc-1-ofcom");
        page.until(p -> p.messages().contains("Regulator: Ofcom"), "the card shows the facts the form gave");
        assertThat(page.messages()).contains("Received at:", "Needed to mitigate: Reference");
    }
}
