#!/usr/bin/env python3
"""The web view as a user sees it (issue 12), run by `make test` through `make browser-test`.

Loads the bundled example into a temporary database, starts `partnergraph serve --port 0` on
loopback, and then:
  1. compares each JSON route with its command's --json, byte for byte;
  2. drives headless Chromium (Debian's chromium and chromium-driver, through Selenium) as a
     person would: opens the search page, searches الإيسيسكو, follows ICESCO, sees the drawing of
     its neighbourhood, and takes a screenshot, checked to be a real PNG of a real page;
  3. stops the server with SIGINT and checks that it shut down cleanly.
Exits 1 with the reason on the first failure.
"""
import argparse
import os
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

# Everything here talks to 127.0.0.1: no proxy of the environment may stand in between.
for variable in ["http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"]:
    os.environ.pop(variable, None)
os.environ["no_proxy"] = os.environ["NO_PROXY"] = "127.0.0.1,localhost"

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def fail(message):
    print(f"browser test: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def start_server(partnergraph, database):
    """`partnergraph serve --port 0`, and the URL it prints once it listens."""
    server = subprocess.Popen(
        [partnergraph, "serve", "--db", database, "--port", "0", "--host", "127.0.0.1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    line = ""
    while time.time() < deadline:
        ready, _, _ = select.select([server.stdout], [], [], 1.0)
        if ready:
            line = server.stdout.readline()
            break
        if server.poll() is not None:
            break
    match = re.search(r"at (http://127\.0\.0\.1:\d+/) \(read-only\)", line)
    if not match:
        server.kill()
        fail(f"the server did not say where it listens; stdout {line!r}, stderr {server.stderr.read()!r}")
    return server, match.group(1)


def fetch(url):
    with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(url, timeout=30) as response:
        return response.status, response.read().decode("utf-8")


def compare_with_commands(base, partnergraph, database):
    """Each API response is the same bytes as its command's --json."""
    q = urllib.parse.quote
    cases = [
        (f"api/entity/{q('الإيسيسكو')}", ["show", "الإيسيسكو"]),
        (f"api/search?q={q('أذربيجان')}", ["search", "أذربيجان"]),
        ("api/neighbors/icesco?depth=2&type=person", ["neighbors", "icesco", "--depth", "2", "--type", "person"]),
        (f"api/path?from={q('Salim M. AlMalik')}&to={q('Sahiba Gafarova')}&k=2",
         ["path", "Salim M. AlMalik", "Sahiba Gafarova", "-k", "2"]),
        ("api/timeline?from=2024-03-25", ["timeline", "--from", "2024-03-25"]),
        ("api/stats", ["stats"]),
        ("api/sources", ["source", "list"]),
        ("api/entities?type=person", ["list", "--type", "person"]),
    ]
    for route, command in cases:
        status, body = fetch(base + route)
        expected = subprocess.run([partnergraph, *command, "--json", "--db", database],
                                  capture_output=True, text=True, check=True).stdout
        if status != 200 or body != expected:
            fail(f"/{route} is not `partnergraph {' '.join(command)} --json` (status {status})")
    return len(cases)


def png_size(path):
    """The width and height of a PNG file, after checking its signature."""
    with open(path, "rb") as file:
        head = file.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        fail(f"{path} is not a PNG file")
    return struct.unpack(">II", head[16:24])


def drive_browser(base, screenshot):
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    options = Options()
    options.binary_location = CHROMIUM
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--lang=en-GB", "--no-proxy-server", "--window-size=1280,1900", "--hide-scrollbars", "--force-device-scale-factor=1"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        wait = WebDriverWait(driver, 30)
        # The search page, and a search typed as a person types it.
        driver.get(base)
        box = wait.until(ready.presence_of_element_located((By.NAME, "q")))
        box.send_keys("الإيسيسكو")
        driver.find_element(By.CSS_SELECTOR, "form[role=search] button[type=submit]").click()
        link = wait.until(ready.element_to_be_clickable((By.CSS_SELECTOR, "a[href='/entity/icesco']")))
        if "الإيسيسكو" not in urllib.parse.unquote_plus(driver.current_url):
            fail(f"the search did not reach the results page: {driver.current_url}")
        arabic = driver.find_elements(By.XPATH, "//bdi[@lang='ar' and contains(., 'منظمة العالم الإسلامي')]")
        if not arabic:
            fail("the results do not show ICESCO's Arabic name")
        # Follow ICESCO to its page.
        link.click()
        heading = wait.until(ready.presence_of_element_located((By.TAG_NAME, "h1")))
        if heading.text.strip() != "ICESCO" or not driver.current_url.endswith("/entity/icesco"):
            fail(f"following ICESCO led to {driver.current_url} titled {heading.text!r}")
        # The drawing: an SVG in the page, shown, with the neighbours as nodes.
        svg = wait.until(ready.visibility_of_element_located((By.CSS_SELECTOR, "figure.graph svg")))
        nodes = svg.find_elements(By.CSS_SELECTOR, "g.node")
        if svg.size["width"] < 200 or svg.size["height"] < 100 or len(nodes) < 5:
            fail(f"the drawing is {svg.size} with {len(nodes)} nodes")
        if "Salim M. AlMalik" not in svg.get_attribute("innerHTML"):
            fail("the drawing does not name ICESCO's director-general")
        if driver.find_elements(By.TAG_NAME, "script"):
            fail("the page holds a script element")
        driver.save_screenshot(screenshot)
    finally:
        driver.quit()
    width, height = png_size(screenshot)
    size = os.path.getsize(screenshot)
    if width < 1000 or height < 800 or size < 30_000:
        fail(f"the screenshot is {width}×{height}, {size} bytes: too small to show the page")
    return width, height, size, len(nodes)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partnergraph", required=True, help="the binary to test")
    parser.add_argument("--screenshot", help="where to keep the screenshot (default: a temporary file)")
    args = parser.parse_args()
    for tool in [CHROMIUM, CHROMEDRIVER]:
        if not os.path.exists(tool):
            fail(f"{tool} is missing: `make browser-deps` installs chromium and chromium-driver")
    folder = tempfile.mkdtemp(prefix="pg-browser-")
    server = None
    try:
        database = os.path.join(folder, "example.sqlite")
        subprocess.run([args.partnergraph, "example", "--db", database], check=True, capture_output=True)
        server, base = start_server(args.partnergraph, database)
        compared = compare_with_commands(base, args.partnergraph, database)
        screenshot = args.screenshot or os.path.join(folder, "web-view.png")
        width, height, size, nodes = drive_browser(base, screenshot)
        server.send_signal(signal.SIGINT)
        try:
            status = server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            fail("the server did not stop within 30 s of SIGINT")
        if status != 0:
            fail(f"the server exited with status {status} on SIGINT: {server.stderr.read()}")
        server = None
        print(f"browser test: ok — {compared} API routes equal their commands' --json; searched الإيسيسكو, "
              f"followed ICESCO, saw its drawing ({nodes} nodes); screenshot {width}×{height}, {size} bytes"
              + (f" in {args.screenshot}" if args.screenshot else ""))
    finally:
        if server is not None:
            server.kill()
            server.wait()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
