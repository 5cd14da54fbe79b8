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
        page.switchTo("escalations");
        page.until(p -> p.messages().contains("/esc open") && p.all("#messages .message").size() == 1,
                "#escalations shows its own answer only");
        assertThat(page.browser.findElement(By.id("channel-name")).getText()).isEqualTo("#escalations");
    }
}
