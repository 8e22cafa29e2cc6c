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
from selenium.webdriver.common.by import By
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


def sign_in(d, base, password):
    d.get(base + "/login")
    d.find_element(By.ID, "login").send_keys("admin")
    d.find_element(By.ID, "password").send_keys(password)
    click_and_wait(d, d.find_element(By.CSS_SELECTOR, "button.primary"))
    assert "/desk" in d.current_url, d.current_url


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
    check("script and onerror payloads are shown inert", payloads_inert, driver, base, password)
    check("switching languages changes every visible label", languages, driver, base, password)
finally:
    driver.quit()
    server.terminate()
    server.wait(timeout=10)
print(f"screenshots: {SHOTS}")
print(f"browser: {len(PASSED)} passed, {len(FAILED)} failed")
sys.exit(1 if FAILED else 0)
