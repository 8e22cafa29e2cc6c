#!/usr/bin/env python3
"""Browser tests of the web desk in a real Chromium (Debian chromium + chromium-driver, Python selenium).

    scripts/browser/test_desk.py path/to/zhauap SCREENSHOT_DIR

Starts `zhauap serve` on a fresh SQLite database and a port the system picks, signs in with the demo
account it prints, and takes an appeal written in Kazakh from registration to answer, then tracks it
publicly. Screenshots go to SCREENSHOT_DIR. Prints "browser: N passed, M failed"; exits non-zero on failure.
"""
import os
import re
import subprocess
import sys
import tempfile
import time
import traceback

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import Select, WebDriverWait

BINARY, SHOTS = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
os.makedirs(SHOTS, exist_ok=True)


def start_server():
    work = tempfile.mkdtemp(prefix="zhauap-browser-")
    out, err = open(os.path.join(work, "out.txt"), "w+"), open(os.path.join(work, "err.txt"), "w+")
    env = dict(os.environ, LOG_LEVEL="notice")
    env.pop("DATABASE_URL", None)
    proc = subprocess.Popen([BINARY, "serve", "--hostname", "127.0.0.1", "--port", "0"], cwd=work, stdout=out, stderr=err, env=env)
    for _ in range(300):
        time.sleep(0.1)
        err.seek(0)
        m = re.search(r"Server started on http://127\.0\.0\.1:(\d+)", err.read())
        if m:
            out.seek(0)
            pw = re.search(r"password: (\S+)", out.read())
            return proc, f"http://127.0.0.1:{m.group(1)}", pw.group(1) if pw else None
    proc.kill()
    err.seek(0)
    raise RuntimeError("zhauap serve did not start:\n" + err.read()[-2000:])


def browser():
    opts = Options()
    opts.binary_location = "/usr/bin/chromium"
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1366,768"]:
        opts.add_argument(a)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)


PASSED, FAILED = [], []


def check(name, fn, *args):
    try:
        fn(*args)
        PASSED.append(name)
        print(f"ok   {name}")
    except Exception:
        FAILED.append(name)
        print(f"FAIL {name}")
        traceback.print_exc()


def shot(d, name):
    d.save_screenshot(os.path.join(SHOTS, name + ".png"))


def click_and_wait(d, element):
    """Submit and wait until the next page has replaced this one."""
    element.click()

    def replaced(_):
        # Chromium reports a node of an unloaded page either as stale or as "does not belong to the document".
        try:
            element.is_enabled()
            return False
        except WebDriverException:
            return True

    WebDriverWait(d, 15).until(replaced)


def sign_in(d, base, password, login="admin"):
    d.delete_all_cookies()
    d.get(base + "/login")
    d.find_element(By.ID, "login").send_keys(login)
    d.find_element(By.ID, "password").send_keys(password)
    click_and_wait(d, d.find_element(By.CSS_SELECTOR, "button.primary"))
    assert "/desk" in d.current_url, (login, d.current_url)


def add_user(d, base, login, name, roles):
    """The administrator adds a user to the demo body through the admin page; returns the password shown once."""
    d.get(base + "/admin/bodies/DEMO")
    form = d.find_element(By.CSS_SELECTOR, "form[action='/admin/bodies/DEMO/users']")
    form.find_element(By.ID, "login").send_keys(login)
    form.find_element(By.ID, "name").send_keys(name)
    form.find_element(By.ID, "position").send_keys("маман")
    for role in roles:
        form.find_element(By.NAME, role).click()
    click_and_wait(d, form.find_element(By.CSS_SELECTOR, "button.primary"))
    return d.find_element(By.ID, "shown-password").text.strip()


def submit_action(d, action, fields=None, selects=None):
    form = d.find_element(By.XPATH, f"//form[input[@name='action' and @value='{action}']]")
    for name, value in (fields or {}).items():
        el = form.find_element(By.NAME, name)
        el.clear()
        el.send_keys(value)
    for name, value in (selects or {}).items():
        Select(form.find_element(By.NAME, name)).select_by_value(value)
    click_and_wait(d, form.find_element(By.CSS_SELECTOR, "button.primary"))


def whole_path(d, base, password):
    sign_in(d, base, password)
    shot(d, "01-desk")
    d.get(base + "/appeals/new")
    d.find_element(By.ID, "surname").send_keys("Нұрланов")
    d.find_element(By.ID, "givenName").send_keys("Ержан")
    d.find_element(By.ID, "iin").send_keys("061211600012")
    d.find_element(By.ID, "essence").send_keys("Жер учаскесі туралы ақпарат беруіңізді сұраймын.")
    d.find_element(By.NAME, "signaturePresent").click()
    shot(d, "02-register")
    click_and_wait(d, d.find_element(By.CSS_SELECTOR, "form[action='/appeals'] button.primary"))
    assert "/appeals/" in d.current_url
    appeal_url = d.current_url.split("?")[0]
    body = d.find_element(By.TAG_NAME, "body").text
    assert "DEMO-" in body and "Нұрланов Ержан" in body, body[:500]
    number = re.search(r"DEMO-\d{4}-\d{5}", body).group(0)
    shot(d, "03-appeal")
    d.get(appeal_url + "/documents/coupon?lang=kk")
    coupon = d.find_element(By.TAG_NAME, "body").text
    assert number in coupon and "талон" in coupon.lower()
    code = re.search(r"Бақылау коды\s*(\S+)", coupon).group(1)
    shot(d, "04-coupon-kk")
    d.get(appeal_url)
    me = Select(d.find_element(By.ID, "executorId")).options[0].get_attribute("value")
    submit_action(d, "assign", selects={"executorId": me})
    d.get(base + "/desk")
    assert number in d.find_element(By.TAG_NAME, "body").text, "the executor finds it in the worklist"
    shot(d, "05-worklist")
    d.get(appeal_url)
    form = d.find_element(By.XPATH, "//form[input[@name='action' and @value='record_completeness']]")
    form.find_element(By.CSS_SELECTOR, "input[value='postal_address']").click()
    click_and_wait(d, form.find_element(By.CSS_SELECTOR, "button.primary"))
    submit_action(d, "return_for_correction", fields={"deficiency": "Пошталық мекенжай жоқ", "remedy": "Мекенжайды жазыңыз",
                                                      "consequence": "Өтініш қаралмай қайтарылады"})
    assert "Түзетуді күтуде" in d.find_element(By.TAG_NAME, "body").text
    shot(d, "06-returned")
    submit_action(d, "receive_correction", fields={"note": "мекенжай келді"})
    submit_action(d, "confirm_kind", selects={"kind": "request"})
    submit_action(d, "extend", fields={"reason": "Басқа органнан мәлімет сұралды"})
    extended = d.find_element(By.TAG_NAME, "body").text
    assert "Мерзім ұзартылды" in extended and "Ұзарту туралы хабарлау" in extended, extended[:1500]
    assert "Басшының шешімімен ұзартылды" in d.page_source
    shot(d, "07-extended")
    submit_action(d, "answer", fields={"text": "Сұрағыңыз бойынша түсіндіреміз: …"}, selects={"character": "explained"})
    text = d.find_element(By.TAG_NAME, "body").text
    assert "Жауап берілді" in text, text[:800]
    shot(d, "08-answered")
    d.delete_all_cookies()
    d.get(base + "/track")
    d.find_element(By.ID, "number").send_keys(number)
    d.find_element(By.ID, "code").send_keys(code)
    click_and_wait(d, d.find_element(By.CSS_SELECTOR, "button.primary"))
    tracked = d.find_element(By.TAG_NAME, "body").text
    assert "Жауап берілді" in tracked and "Нұрланов" not in tracked
    shot(d, "09-tracked")


def separate_people(d, base, password):
    """An administrator creates a registrar, an executor and a head in the browser; each signs in as
    themselves: registration, coupon, assignment, return for correction, the correction, an extension
    asked by the executor and granted by the head, the answer, public tracking."""
    sign_in(d, base, password)
    people = {}
    for login, name, roles in [("aliya", "Серікқызы Әлия", ["registrar"]), ("arman", "Қасымов Арман", ["executor"]),
                               ("bakyt", "Омаров Бақыт", ["head"])]:
        people[login] = add_user(d, base, login, name, roles)
        assert len(people[login]) >= 10, people
    shot(d, "20-admin-users")

    sign_in(d, base, people["aliya"], "aliya")
    d.get(base + "/appeals/new")
    Select(d.find_element(By.ID, "channel")).select_by_value("in_person")
    d.find_element(By.ID, "surname").send_keys("Жұмабаева")
    d.find_element(By.ID, "givenName").send_keys("Гүлнар")
    d.find_element(By.ID, "essence").send_keys("Ауламыздағы балалар алаңын жөндеу мерзімі туралы ақпарат беруіңізді сұраймын.")
    click_and_wait(d, d.find_element(By.CSS_SELECTOR, "form[action='/appeals'] button.primary"))
    appeal_url = d.current_url.split("?")[0]
    number = re.search(r"DEMO-\d{4}-\d{5}", d.find_element(By.TAG_NAME, "body").text).group(0)
    assert d.find_elements(By.XPATH, "//form[input[@name='action' and @value='assign']]") == [], "a registrar does not assign"
    d.get(appeal_url + "/documents/coupon?lang=ru")
    code = re.search(r"Код для отслеживания\s*(\S+)", d.find_element(By.TAG_NAME, "body").text).group(1)
    shot(d, "21-registrar-coupon-ru")

    sign_in(d, base, people["bakyt"], "bakyt")
    d.get(appeal_url)
    executor = [o.get_attribute("value") for o in Select(d.find_element(By.ID, "executorId")).options if "Қасымов" in o.text][0]
    submit_action(d, "assign", selects={"executorId": executor})

    sign_in(d, base, people["arman"], "arman")
    assert number in d.find_element(By.TAG_NAME, "body").text, "the executor finds it in their worklist"
    shot(d, "22-executor-worklist")
    d.get(appeal_url)
    assert d.find_elements(By.XPATH, "//form[input[@name='action' and @value='extend']]") == [], "an executor does not extend"
    form = d.find_element(By.XPATH, "//form[input[@name='action' and @value='record_completeness']]")
    form.find_element(By.CSS_SELECTOR, "input[value='postal_address']").click()
    click_and_wait(d, form.find_element(By.CSS_SELECTOR, "button.primary"))
    submit_action(d, "return_for_correction", fields={"deficiency": "Пошталық мекенжай жоқ", "remedy": "Мекенжайды жазыңыз",
                                                      "consequence": "Өтініш қаралмай қайтарылады"})

    sign_in(d, base, people["aliya"], "aliya")
    d.get(appeal_url)
    submit_action(d, "receive_correction", fields={"note": "мекенжай жеке келіп берілді"})

    sign_in(d, base, people["arman"], "arman")
    d.get(appeal_url)
    submit_action(d, "confirm_kind", selects={"kind": "request"})
    submit_action(d, "request_extension", fields={"reason": "Жөндеу кестесі қалалық басқармадан сұралды"})
    assert "басшының шешімін күтуде" in d.find_element(By.TAG_NAME, "body").text
    shot(d, "23-extension-asked")

    sign_in(d, base, people["bakyt"], "bakyt")
    d.get(base + "/head")
    assert number in d.find_element(By.TAG_NAME, "body").text, "the head sees the waiting extension"
    shot(d, "24-head-waiting")
    d.get(appeal_url)
    submit_action(d, "decide_extension", selects={"accept": "true"})
    assert "Мерзім ұзартылды" in d.find_element(By.TAG_NAME, "body").text

    sign_in(d, base, people["arman"], "arman")
    d.get(appeal_url)
    submit_action(d, "record_sending", fields={"reference": "RR123456789KZ"},
                  selects={"document": "extension_notice", "language": "kk", "channel": "post"})
    assert "RR123456789KZ" in d.find_element(By.TAG_NAME, "body").text, "the sending of the extension notice is on the appeal"
    d.get(appeal_url + "/documents/extension_notice?lang=kk")
    assert "Қарау мерзімін ұзарту туралы хабарлама" in d.find_element(By.TAG_NAME, "body").text
    shot(d, "26-extension-notice-kk")
    d.get(appeal_url)
    submit_action(d, "answer", fields={"text": "Алаң келесі айда жөнделеді."}, selects={"character": "explained"})
    assert "Жауап берілді" in d.find_element(By.TAG_NAME, "body").text
    shot(d, "25-answered-by-executor")

    d.delete_all_cookies()
    d.get(f"{base}/track?number={number}&code={code}")
    tracked = d.find_element(By.TAG_NAME, "body").text
    assert "Жауап берілді" in tracked and "Жұмабаева" not in tracked, tracked[:600]


def no_horizontal_scroll(d):
    return d.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")


def layouts(d, base, password):
    """Fits a 1366×768 office screen and a 390×844 phone without sideways scrolling."""
    sign_in(d, base, password)
    d.get(base + "/desk")
    first = d.find_element(By.CSS_SELECTOR, "table a").get_attribute("href")
    pages = ["/desk", "/appeals/new", first.replace(base, ""), "/head", "/journal", "/admin/calendar?year=2026", "/admin/bodies/DEMO", "/track"]
    wide = []
    try:
        for width, height, tag in [(1366, 768, "office"), (390, 844, "phone")]:
            d.set_window_size(width, height)
            for path in pages:
                d.get(base + path)
                if not no_horizontal_scroll(d):
                    wide.append(f"{tag}: {path} is {d.execute_script('return document.documentElement.scrollWidth')}px wide")
            d.get(base + "/desk")
            shot(d, f"30-desk-{tag}")
            d.get(first)
            shot(d, f"31-appeal-{tag}")
        assert not wide, wide
    finally:
        d.set_window_size(1366, 768)


def keyboard(d, base, password):
    """The sign-in form is reached and submitted with the keyboard alone, and focus is visible."""
    d.delete_all_cookies()
    d.get(base + "/login")
    seen = []
    for _ in range(30):
        ActionChains(d).send_keys(Keys.TAB).perform()
        el = d.switch_to.active_element
        seen.append(el.get_attribute("id") or el.tag_name)
        if el.get_attribute("id") == "login":
            break
    assert d.switch_to.active_element.get_attribute("id") == "login", seen
    outline = d.execute_script("const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth")
    assert not outline.startswith("none") and not outline.endswith(" 0px"), outline
    d.switch_to.active_element.send_keys("admin")
    ActionChains(d).send_keys(Keys.TAB).perform()
    assert d.switch_to.active_element.get_attribute("id") == "password"
    d.switch_to.active_element.send_keys(password + Keys.ENTER)
    WebDriverWait(d, 15).until(lambda x: "/desk" in x.current_url)


CONTRAST_JS = """
function rgb(c) { const m = c.match(/[\\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; }
function lum(c) { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); }
function bg(el) { for (let e = el; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.a > 0.5) return c; }
  return {r: 255, g: 255, b: 255, a: 1}; }
const bad = [];
for (const el of document.querySelectorAll('body *')) {
  const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  if (!own || el.closest('svg') || el.offsetParent === null) continue;
  const s = getComputedStyle(el), fg = lum(rgb(s.color)), b = lum(bg(el));
  const ratio = (Math.max(fg, b) + 0.05) / (Math.min(fg, b) + 0.05);
  const large = parseFloat(s.fontSize) >= 24 || (parseFloat(s.fontSize) >= 18.66 && parseInt(s.fontWeight) >= 700);
  if (ratio < (large ? 3 : 4.5)) bad.push(el.tagName + '.' + el.className + ' "' + el.textContent.trim().slice(0, 30) + '" ' + ratio.toFixed(2));
}
return bad;
"""


def contrast(d, base, password):
    """Every text on the main pages meets WCAG AA contrast (4.5:1, 3:1 for large text) against what is behind it."""
    d.get("data:text/html;charset=utf-8,<p style='color:%23999;background:%23fff'>pale</p><p>dark</p>")
    assert d.execute_script(CONTRAST_JS) == ['P. "pale" 2.85'], "the check itself finds pale text"
    sign_in(d, base, password)
    d.get(base + "/desk")
    first = d.find_element(By.CSS_SELECTOR, "table a").get_attribute("href")
    low = []
    for path in ["/desk", first.replace(base, ""), "/appeals/new", "/head", "/admin/calendar?year=2026", "/track", "/login"]:
        d.get(base + path)
        low += [f"{path}: {x}" for x in d.execute_script(CONTRAST_JS)]
    assert not low, low


def payloads_inert(d, base, password):
    sign_in(d, base, password)
    d.get(base + "/appeals/new")
    d.find_element(By.ID, "surname").send_keys("<img src=x onerror=window.__pwned=1>")
    d.find_element(By.ID, "essence").send_keys("<script>window.__pwned=2</script> шағым")
    click_and_wait(d, d.find_element(By.CSS_SELECTOR, "form[action='/appeals'] button.primary"))
    assert d.execute_script("return window.__pwned === undefined")
    text = d.find_element(By.TAG_NAME, "body").text
    assert "<script>window.__pwned=2</script>" in text and "<img src=x" in text
    shot(d, "10-payloads-inert")


def languages(d, base, password):
    d.delete_all_cookies()
    d.get(base + "/login")
    kk = d.find_element(By.TAG_NAME, "body").text
    click_and_wait(d, d.find_element(By.LINK_TEXT, "Русский"))
    ru = d.find_element(By.TAG_NAME, "body").text
    for k, r in [("Жүйеге кіру", "Вход в систему"), ("Құпиясөз", "Пароль"), ("Жолданымды қадағалау", "Отследить обращение")]:
        assert k in kk and r in ru and k not in ru, (k, r)
    d.get(base + "/track")
    assert "Отслеживание обращения" in d.find_element(By.TAG_NAME, "body").text, "the choice is remembered"
    shot(d, "11-russian")


server, base, password = start_server()
driver = browser()
try:
    assert password, "serve printed no demo login"
    check("a registrar registers an appeal in Kazakh, an executor returns it for correction, a head extends the term, "
          "the executor answers, the citizen tracks it", whole_path, driver, base, password)
    check("an administrator creates a registrar, an executor and a head; each does their part in their own session",
          separate_people, driver, base, password)
    check("script and onerror payloads are shown inert", payloads_inert, driver, base, password)
    check("pages fit an office screen and a phone without sideways scrolling", layouts, driver, base, password)
    check("sign-in by keyboard alone, with visible focus", keyboard, driver, base, password)
    check("text meets WCAG AA contrast on the main pages", contrast, driver, base, password)
    check("switching languages changes every visible label", languages, driver, base, password)
finally:
    driver.quit()
    server.terminate()
    server.wait(timeout=10)
print(f"screenshots: {SHOTS}")
print(f"browser: {len(PASSED)} passed, {len(FAILED)} failed")
sys.exit(1 if FAILED else 0)
