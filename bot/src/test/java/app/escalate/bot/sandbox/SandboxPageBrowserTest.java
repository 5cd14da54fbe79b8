package app.escalate.bot.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox page in headless Chromium, as a newcomer uses it: what each channel shows, how times
 * and Slack's formatting read, a phone-sized screen, and the message menu.
 */
class SandboxPageBrowserTest {
    private static final String MARIA = "U0ESCMARIA";

    private SandboxPage page;

    @AfterEach
    void stop() {
        if (page != null) page.close();
    }

    @Test
    void switching_to_an_empty_channel_shows_it_empty_and_a_command_there_answers_there() throws Exception {
        page = new SandboxPage(1280, 900).open(MARIA);
        page.send("/esc help");
        page.until(p -> p.messages().contains("/esc open"), "the help answers in #escalations");

        page.switchTo("esc-leadership");

        page.until(p -> p.all("#messages .message").isEmpty(), "#esc-leadership shows none of #escalations' messages");
        assertThat(page.messages()).doesNotContain("/esc open");
        page.send("/esc status");
        page.until(p -> p.all("#messages .message").size() == 1, "the answer shows where it was asked");
        String status = page.all("#messages .message").get(0).getText();
        page.switchTo("escalations");
        page.until(p -> p.messages().contains("/esc open"), "#escalations shows its own answer");
        assertThat(page.messages()).doesNotContain(status);
        assertThat(page.browser.findElement(By.id("channel-name")).getText()).isEqualTo("#escalations");
    }

    @Test
    void at_in_the_composer_offers_the_workspaces_people_and_the_choice_reaches_the_bot_as_a_mention() throws Exception {
        page = new SandboxPage(1280, 900).open(MARIA);
        page.send("/esc open Voice clone of a bank manager sev2");
        page.until(p -> p.messages().contains("Opened ESC-1 (SEV2)"), "the case opens");
        page.switchTo("esc-1-voice-clone");

        org.openqa.selenium.WebElement composer = page.browser.findElement(By.id("text"));
        composer.clear();
        composer.sendKeys("/esc owner @ma");
        page.until(p -> p.browser.findElement(By.id("suggestions")).isDisplayed(), "people whose names start with 'ma' are offered");
        assertThat(page.all("#suggestions li").get(0).getText()).startsWith("@Maria");
        composer.sendKeys(org.openqa.selenium.Keys.TAB);

        assertThat(composer.getAttribute("value")).isEqualTo("/esc owner @Maria ");
        assertThat(page.browser.findElement(By.id("suggestions")).isDisplayed()).isFalse();
        composer.sendKeys(org.openqa.selenium.Keys.ENTER);
        page.until(p -> p.messages().contains("the owner"), "the owner is set from the page");
        assertThat(page.messages()).contains("@Maria made @Maria the owner");
    }

    @Test
    void times_read_by_the_sandbox_clock_in_every_format_slack_documents() throws Exception {
        page = new SandboxPage(1280, 900).open(MARIA);
        // The sandbox a day ahead of the browser's own clock: "today" and "in 15 minutes" are the sandbox's.
        page.browser.findElement(By.cssSelector("[data-advance='P1D']")).click();
        page.send("/esc open Scam ads on the storefront sev2");
        page.until(p -> p.messages().contains("Opened ESC-1 (SEV2)"), "the case opens");

        page.switchTo("esc-1-scam-ads-on-the-storefront");

        // SEV2 is to be acknowledged within 15 minutes of opening, by the sandbox clock.
        page.until(p -> p.messages().contains("(in 15 minutes)"), "the card's acknowledge deadline reads 'in 15 minutes'");
        assertThat(page.browser.findElement(By.cssSelector(".day-divider")).getText()).isEqualTo("Today");
        // Opened "Today" by the sandbox clock (the browser's, a day behind, would say "Tomorrow"); the mitigate and resolve
        // deadlines may fall tomorrow by either clock when the test runs late in the day, so only the opening time is read here.
        assertThat(page.messages()).contains("Opened\nToday ").doesNotContain("Opened\nTomorrow", "Yesterday", "<!date");

        // The formatting itself, for a reader in Los Angeles on Tuesday 24 November 2026, 09:00 there.
        String tokens = "{date_num}|{date}|{date_short}|{date_long}|{date_pretty}|{date_short_pretty}|{date_long_pretty}|{time}|{time_secs}|{ago}";
        long now = java.time.Instant.parse("2026-11-24T17:00:00Z").toEpochMilli();
        assertThat(page.script("return slackDate(arguments[0], arguments[1], arguments[2], 'America/Los_Angeles')",
                java.time.Instant.parse("2026-11-24T17:15:07Z").getEpochSecond(), tokens, now))
                .isEqualTo("2026-11-24|November 24th, 2026|Nov 24, 2026|Tuesday, November 24th, 2026|today|today|today|9:15 AM|9:15:07 AM"
                        + "|in 15 minutes");
        assertThat(page.script("return slackDate(arguments[0], arguments[1], arguments[2], 'America/Los_Angeles')",
                java.time.Instant.parse("2026-11-23T20:00:00Z").getEpochSecond(), "{date_short_pretty} at {time} ({ago})", now))
                .isEqualTo("Yesterday at 12:00 PM (21 hours ago)");
        assertThat(page.script("return slackDate(arguments[0], arguments[1], arguments[2], 'America/Los_Angeles')",
                java.time.Instant.parse("2026-11-25T20:00:00Z").getEpochSecond(), "due {date_long_pretty}, {date_pretty}", now))
                .isEqualTo("due tomorrow, tomorrow");
        assertThat(page.script("return slackDate(arguments[0], arguments[1], arguments[2], 'America/Los_Angeles')",
                java.time.Instant.parse("2026-12-01T20:00:00Z").getEpochSecond(), "{date_long_pretty} {date_pretty} {ago}", now))
                .isEqualTo("Tuesday, December 1st, 2026 December 1st, 2026 in 7 days");
    }

    @Test
    void messages_read_as_in_slack_with_emoji_quotes_channel_links_and_a_chart_to_enlarge() throws Exception {
        page = new SandboxPage(1280, 900).open(MARIA);
        page.send("/esc open Deepfake of a minister sev1");
        page.until(p -> p.messages().contains("is ready: #esc-1-deepfake-of-a-minister"), "the reporter is told where the case lives");

        page.until(d -> SandboxPage.click(page.all("#messages a.channel-link").stream().findFirst().orElse(null)));

        page.until(p -> p.browser.findElement(By.id("channel-name")).getText().equals("#esc-1-deepfake-of-a-minister"),
                "the channel link leads to the case channel");
        // The AI triage (from the policy's keywords when no model is set up) opens with :robot_face: and quotes its reason.
        page.until(p -> p.messages().contains("\uD83E\uDD16 AI triage"), "the triage shows its emoji");
        assertThat(page.browser.findElement(By.cssSelector("#messages blockquote")).getText()).contains("Policy keywords");
        assertThat(page.messages()).doesNotContain(":robot_face:", "&gt;");
        page.screenshot("case-channel");

        page.send("/esc stats");
        page.switchTo("Escalate (direct)");
        page.until(d -> SandboxPage.click(page.all("#messages img.zoomable").stream().filter(org.openqa.selenium.WebElement::isDisplayed)
                .findFirst().orElse(null)));
        page.until(p -> p.browser.findElement(By.id("lightbox")).isDisplayed(), "the chart opens large");
        double shown = ((Number) page.script("return document.getElementById('lightbox-image').getBoundingClientRect().width")).doubleValue();
        assertThat(shown).isGreaterThan(320);
        page.screenshot("chart");
        page.browser.findElement(By.id("lightbox")).click();
        page.until(p -> !p.browser.findElement(By.id("lightbox")).isDisplayed(), "a click closes it");
    }

    @Test
    void the_sidebar_marks_unread_channels_and_mentions_until_they_are_read() throws Exception {
        page = new SandboxPage(1280, 900).open(MARIA);
        page.send("/esc open Leaked payroll spreadsheet sev2");
        page.until(p -> p.messages().contains("Opened ESC-1 (SEV2)"), "the case opens");

        // The card names Maria as the reporter: a mention, with the count of them.
        page.until(p -> marker(p, "esc-1-leaked-payroll-spreadsheet", ".badge") != null, "the case channel shows a mention badge");
        assertThat(page.channelEntry("esc-1-leaked-payroll-spreadsheet").getAttribute("class")).contains("unread");
        page.screenshot("sidebar-markers");

        page.switchTo("esc-1-leaked-payroll-spreadsheet");
        page.until(p -> p.messages().contains("Leaked payroll spreadsheet"), "the case channel shows its card");
        page.switchTo("escalations");
        // Seen: no longer marked, however many times the page asks again.
        page.until(p -> !p.channelEntry("esc-1-leaked-payroll-spreadsheet").getAttribute("class").contains("unread")
                && marker(p, "esc-1-leaked-payroll-spreadsheet", ".badge") == null, "the case channel is read");

        // Chloe has not seen the case channel either, and nothing there names her: bold with a count, no badge.
        new org.openqa.selenium.support.ui.Select(page.browser.findElement(By.id("who"))).selectByValue("U0ESCCHLOE");
        page.until(p -> p.channelEntry("esc-1-leaked-payroll-spreadsheet") != null
                && p.channelEntry("esc-1-leaked-payroll-spreadsheet").getAttribute("class").contains("unread")
                && marker(p, "esc-1-leaked-payroll-spreadsheet", ".count") != null, "Chloe sees the case channel unread");
        assertThat(marker(page, "esc-1-leaked-payroll-spreadsheet", ".badge")).isNull();
        assertThat(Integer.parseInt(marker(page, "esc-1-leaked-payroll-spreadsheet", ".count"))).isGreaterThanOrEqualTo(1);

        // A direct message always counts as a mention: the stats chart goes to whoever asked.
        page.send("/esc stats");
        page.until(p -> marker(p, "Escalate (direct)", ".badge") != null, "the direct conversation shows a badge");
        assertThat(page.browser.getTitle()).startsWith("(");
    }

    /** The text of a channel's unread count or mention badge in the sidebar, or null when it has none. */
    private static String marker(SandboxPage p, String channel, String css) {
        org.openqa.selenium.WebElement entry = p.channelEntry(channel);
        if (entry == null) return null;
        return entry.findElements(By.cssSelector(css)).stream().map(org.openqa.selenium.WebElement::getText).findFirst().orElse(null);
    }

    @Test
    void on_a_phone_a_case_opens_and_is_worked_with_send_always_on_screen() throws Exception {
        page = new SandboxPage(390, 844, true).open(MARIA);
        assertThat(page.onScreen("#send")).as("Send").isTrue();
        assertThat(page.onScreen("#sidebar")).as("the channel list waits in its drawer").isFalse();

        page.send("/esc open Deepfake of a minister spreading sev1");
        page.until(p -> p.messages().contains("Opened ESC-1 (SEV1)"), "the case opens");
        page.switchTo("esc-1-deepfake-of-a-minister-spreading");
        page.until(p -> p.messages().contains("ESC-1 · SEV1 · triage"), "the case channel shows its card");
        assertThat(page.onScreen("#sidebar")).as("picking a channel closes the drawer").isFalse();
        page.send("/esc note Takedown requested from the host");

        page.until(p -> p.messages().contains("Takedown requested from the host"), "the note is recorded");
        assertThat(page.onScreen("#send")).as("Send, with the channel full of messages").isTrue();
        assertThat(page.onScreen("#text")).as("the composer").isTrue();
        assertThat(page.scrollsSideways()).isFalse();
        page.screenshot("phone");

        // The narrowest phones in use, 360 px: still all on screen, the message menu too.
        ((org.openqa.selenium.chrome.ChromeDriver) page.browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 360, "height", 740, "deviceScaleFactor", 3, "mobile", true));
        page.until(p -> ((Number) p.script("return innerWidth")).intValue() == 360, "the screen is 360 px wide");
        page.until(d -> SandboxPage.click(page.all("#messages .message .menu-button").stream().reduce((a, b) -> b).orElse(null)));
        page.until(p -> p.onScreen("#message-menu"), "the message menu fits on screen");
        assertThat(page.onScreen("#send")).as("Send at 360 px").isTrue();
        assertThat(page.scrollsSideways()).isFalse();
        page.screenshot("phone-360-menu");
    }

    @Test
    void after_a_restart_the_case_channel_its_pinned_card_and_the_clock_are_where_they_were_and_a_new_case_gets_its_card() throws Exception {
        page = new SandboxPage(1280, 900).open(MARIA);
        page.browser.findElement(By.cssSelector("[data-advance='PT1H']")).click();
        openCaseAndGoThere("Scam ads on the storefront sev2", "esc-1-scam-ads");
        page.until(p -> !p.all("#messages .message.pinned").isEmpty(), "the card is pinned");
        String card = page.all("#messages .message.pinned").get(0).getText();
        java.time.Instant before = page.clock();

        page.restart(MARIA);

        java.time.Instant after = page.clock();
        assertThat(java.time.Duration.between(before, after)).as("the clock reads on from where it was, an hour ahead of real time")
                .isBetween(java.time.Duration.ZERO, java.time.Duration.ofMinutes(1));
        assertThat(java.time.Duration.between(java.time.Instant.now(), after)).isGreaterThan(java.time.Duration.ofMinutes(55));
        page.switchTo("esc-1-scam-ads");
        page.until(p -> !p.all("#messages .message.pinned").isEmpty(), "the case channel shows its pinned card again");
        assertThat(page.all("#messages .message.pinned").get(0).getText()).isEqualTo(card);

        page.switchTo("escalations");
        page.send("/esc open Voice clone of a bank manager sev2");
        page.until(p -> p.messages().contains("Opened ESC-2"), "a new case opens");
        page.switchTo("esc-2-voice-clone");
        page.until(p -> !p.all("#messages .message.pinned").isEmpty(), "the new case's channel gets its pinned card");
        assertThat(page.all("#messages .message.pinned").get(0).getText()).contains("Voice clone of a bank manager");
        page.screenshot("after-restart");
    }


    /** Opens a case as Maria from #escalations and goes to its channel, where its card is. */
    private void openCaseAndGoThere(String title, String channel) {
        page.send("/esc open " + title);
        page.until(p -> p.messages().contains("Opened ESC-1"), "the case opens");
        page.switchTo(channel);
        page.until(p -> !p.all("#messages .message .menu-button").isEmpty(), "the case channel shows its card");
    }

    /** Opens the menu of the channel's first message (the case card) and picks what {@code css} finds in it. */
    private void fromTheCardsMenu(String css) {
        page.until(d -> SandboxPage.click(page.all("#messages .message .menu-button").stream().findFirst().orElse(null)));
        page.until(p -> p.browser.findElement(By.id("message-menu")).isDisplayed(), "the message menu opens");
        page.browser.findElement(By.cssSelector("#message-menu " + css)).click();
    }

    @Test
    void escalate_this_message_from_the_message_menu_opens_the_form_prefilled_with_it() throws Exception {
        page = new SandboxPage(1280, 900).open(MARIA);
        openCaseAndGoThere("Agent emailed customer data sev2", "esc-1-agent-emailed-customer-data");

        fromTheCardsMenu("[data-shortcut='escalate_message']");

        page.until(p -> p.browser.findElement(By.id("modal")).isDisplayed(), "the form opens");
        assertThat(page.browser.findElement(By.id("modal-title")).getText()).isEqualTo("Open a case");
        assertThat(page.browser.findElement(By.cssSelector("#modal-blocks input[type=text]")).getAttribute("value"))
                .isEqualTo("ESC-1 SEV2 triage: Agent emailed customer data");
        // Once the bot has the message's link, the description says where it came from.
        page.until(p -> p.all("#modal-blocks textarea").stream().anyMatch(t -> t.getAttribute("value").contains("From: https://sandbox.invalid/archives/")),
                "the description links the message");
        page.screenshot("escalate-this-message");

        // A form the bot updates while it is open (views.update) keeps what the person typed, and shows the rest anew.
        // (Checked in one go: the page's next poll puts the real form back.)
        Object kept = page.script("""
                const form = (title, description) => ({ id: 'V0TEST', view: { title: { type: 'plain_text', text: 'Test' }, blocks: [
                  { type: 'input', block_id: 'title', label: { type: 'plain_text', text: 'Title' },
                    element: { type: 'plain_text_input', action_id: 'title', initial_value: title } },
                  { type: 'input', block_id: 'description', label: { type: 'plain_text', text: 'Description' },
                    element: { type: 'plain_text_input', action_id: 'description', multiline: true, initial_value: description } }] } });
                renderModal(form('From the message', 'The message'));
                const title = document.querySelector('#modal-blocks input[type=text]');
                title.value = 'Typed by the person';
                title.dispatchEvent(new Event('input', { bubbles: true }));
                renderModal(form('From the message', 'The message, with its link'));
                return [document.querySelector('#modal-blocks input[type=text]').value, document.querySelector('#modal-blocks textarea').value];""");
        assertThat(kept).isEqualTo(java.util.List.of("Typed by the person", "The message, with its link"));
    }

    @Test
    void a_pushpin_from_the_message_menu_puts_the_message_on_the_case_timeline() throws Exception {
        page = new SandboxPage(1280, 900).open(MARIA);
        openCaseAndGoThere("Agent emailed customer data sev2", "esc-1-agent-emailed-customer-data");

        fromTheCardsMenu("[data-reaction='pushpin']");

        page.until(p -> p.all("#messages .reaction.mine[data-react='pushpin']").stream().anyMatch(r -> r.getText().endsWith("1")),
                "the card shows Maria's pushpin");
        page.until(p -> {
            if (!p.messages().contains("pinned a message from")) p.send("/esc timeline");
            return p.messages().contains("@Maria pinned a message from @Escalate: ESC-1 SEV2 triage: Agent emailed customer data");
        }, "the timeline shows the pinned message");
        page.screenshot("pinned");
        // The timeline's link to the message leads back to it.
        page.browser.findElements(By.cssSelector("#messages a.message-link")).get(0).click();
        page.until(p -> !p.all("#messages .message.linked").isEmpty() && p.all("#messages .message.linked").get(0).getText()
                .contains("ESC-1 · SEV2 · triage"), "the linked message is marked");
    }
}
