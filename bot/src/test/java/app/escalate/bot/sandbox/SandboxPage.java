package app.escalate.bot.sandbox;

import app.escalate.bot.EscalateApp;
import app.escalate.config.BotSettings;
import app.escalate.config.PolicyLoader;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The sandbox (the real bot, no Slack credentials) and its page in headless Chromium at a given
 * window size, with the few moves a person makes: choose who they are, pick a channel, type a
 * command, read what the page shows. Every read waits for the page, which redraws each second.
 */
final class SandboxPage implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);

    /** Where the bot keeps its database: the same across {@link #restart}s. */
    private final Path data;
    EscalateApp app;
    final WebDriver browser;
    final WebDriverWait wait;

    /** A desktop browser window of that size. */
    SandboxPage(int width, int height) throws Exception {
        this(width, height, false);
    }

    /** With {@code phone}, a phone's screen of that size (touch, a mobile browser's viewport) instead of a window. */
    SandboxPage(int width, int height, boolean phone) throws Exception {
        data = Files.createTempDirectory("escalate-sandbox");
        app = start(0);
        WebDriver started = null;
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=" + width + "," + height,
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--user-data-dir=" + Files.createTempDirectory("chromium"));
            if (phone) {
                options.setExperimentalOption("mobileEmulation", Map.of(
                        "deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 3.0, "touch", true, "mobile", true),
                        "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36"));
            }
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
            started = new ChromeDriver(service, options);
        } finally {
            if (started == null) app.close();
        }
        browser = started;
        wait = new WebDriverWait(browser, WAIT);
        // The page redraws what changed every second, so an element found a moment ago may be gone: look again.
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** The bot with the sandbox, as the README's first command starts it (on real time), on {@code port} (any free one when 0). */
    private EscalateApp start(int port) throws Exception {
        BotSettings settings = BotSettings.fromEnv(Map.of("PORT", String.valueOf(port), "DATABASE_URL", "jdbc:h2:file:" + data.resolve("escalate")));
        return EscalateApp.startSandbox(settings, PolicyLoader.builtIn(), new SandboxClock());
    }

    /** Stops the bot and starts it again on the same database and port, as a person restarting it would, then reloads the page as {@code person}. */
    SandboxPage restart(String person) throws Exception {
        int port = app.port();
        app.close();
        app = start(port);
        return open(person);
    }

    /** The page, as {@code person} (a people id such as U0ESCMARIA), once its channels are listed. */
    SandboxPage open(String person) {
        browser.get("http://127.0.0.1:" + app.port() + "/");
        wait.until(d -> d.findElements(By.cssSelector("#channels li")).size() >= 2);
        boolean narrow = openDrawer();
        new Select(browser.findElement(By.id("who"))).selectByValue(person);
        if (narrow) {
            browser.findElement(By.id("drawer-close")).click();
            // The drawer slides away: the page is ready once it has gone, not as the close is clicked.
            wait.until(d -> !onScreen("#sidebar"));
        }
        wait.until(d -> onScreen("#send"));
        return this;
    }

    /** Types {@code text} in the composer and presses Send. */
    void send(String text) {
        WebElement composer = browser.findElement(By.id("text"));
        composer.clear();
        composer.sendKeys(text);
        browser.findElement(By.id("send")).click();
    }

    /** Picks the channel whose sidebar entry contains {@code name}, opening the sidebar first on a narrow screen. */
    void switchTo(String name) {
        openDrawer();
        wait.until(d -> click(channelEntry(name)));
        // textContent, not getText(): on a phone the drawer may already have closed over the list, and hidden text reads as "".
        until(p -> p.browser.findElements(By.cssSelector("#channels li.selected")).stream()
                        .anyMatch(li -> String.valueOf(li.getAttribute("textContent")).contains(name)),
                "the channel " + name + " is the one shown");
    }

    /** On a narrow screen the sidebar is a drawer: opens it, and says whether it had to. */
    private boolean openDrawer() {
        WebElement button = browser.findElement(By.id("drawer-button"));
        if (!button.isDisplayed()) return false;
        button.click();
        wait.until(d -> onScreen("#sidebar"));
        return true;
    }

    /** Whether the element is wholly inside the viewport and nothing covers its middle: a person sees it and can tap it. */
    boolean onScreen(String css) {
        return Boolean.TRUE.equals(script("""
                const el = document.querySelector(arguments[0]);
                if (!el) return false;
                const r = el.getBoundingClientRect();
                if (r.width === 0 || r.height === 0 || r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight) return false;
                const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return hit === el || el.contains(hit);""", css));
    }

    /** Whether the page is wider than the screen, so a person would have to scroll sideways. */
    boolean scrollsSideways() {
        return Boolean.TRUE.equals(script("return document.documentElement.scrollWidth > innerWidth || document.body.scrollWidth > innerWidth"));
    }

    WebElement channelEntry(String name) {
        return browser.findElements(By.cssSelector("#channels li")).stream().filter(li -> li.getText().contains(name)).findFirst().orElse(null);
    }

    String messages() {
        return browser.findElement(By.id("messages")).getText();
    }

    void until(Predicate<SandboxPage> shown, String what) {
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .withMessage(() -> what + "; the page shows " + browser.findElement(By.id("channel-name")).getText() + ":\n" + messages())
                .until(d -> shown.test(this));
    }

    <T> T until(ExpectedCondition<T> condition) {
        return wait.until(condition);
    }

    /** The sandbox clock's reading the page shows in its header (to the second). */
    java.time.Instant clock() {
        until(p -> !p.browser.findElement(By.id("clock")).getText().equals("…"), "the clock is shown");
        String shown = browser.findElement(By.id("clock")).getText().replace("UTC", "GMT");
        return java.time.ZonedDateTime.parse(shown, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    List<WebElement> all(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    /** What the page looks like now, saved as target/sandbox-{name}.png for a person to look at. */
    void screenshot(String name) throws java.io.IOException {
        Path shot = Path.of("target", "sandbox-" + name + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    /** Clicks when there is something to click; a null result makes a wait try again. */
    static Boolean click(WebElement element) {
        if (element == null) return null;
        element.click();
        return true;
    }

    @Override
    public void close() {
        try {
            browser.quit();
        } finally {
            app.close();
        }
    }
}
