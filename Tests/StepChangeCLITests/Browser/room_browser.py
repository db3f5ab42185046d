"""Drives headless Chromium through the room as a participant would, over the DevTools protocol on
a pipe (--remote-debugging-pipe: no network port, standard library only).

Usage: room_browser.py CHROMIUM BASE_URL JOIN_CODE PARTICIPANT_ID SCORE SCREENSHOT_DIR
Joins with the join link, taps the participant's name, types a comment and taps the score button
on the real form, then prints the text of the participant page and saves screenshots of the
participant page (390x844) and the projector page (1920x1080). Exits non-zero on any failure.
"""
import base64, json, os, shutil, subprocess, sys, tempfile, time

chromium, base, code, participant, score, shots = sys.argv[1:7]
profile = tempfile.mkdtemp(prefix="stepchange-chromium-")
to_child_r, to_child_w = os.pipe()
from_child_r, from_child_w = os.pipe()
os.set_inheritable(to_child_r, True)
os.set_inheritable(from_child_w, True)
proc = subprocess.Popen(
    [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
     "--disable-extensions", "--disable-background-networking", "--disable-sync", "--disable-dev-shm-usage",
     "--user-data-dir=" + profile, "--remote-debugging-pipe", "about:blank"],
    pass_fds=(3, 4, to_child_r, from_child_w), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=open(os.environ.get("CHROMIUM_LOG", os.devnull), "w"),
    preexec_fn=lambda: (os.dup2(to_child_r, 3), os.dup2(from_child_w, 4)))
os.close(to_child_r)
os.close(from_child_w)
reader = os.fdopen(from_child_r, "rb")
writer = os.fdopen(to_child_w, "wb")
buffered = b""
next_id = 0
deadline = time.time() + 60


def send(method, params=None, session=None):
    global next_id, buffered
    next_id += 1
    message = {"id": next_id, "method": method, "params": params or {}}
    if session:
        message["sessionId"] = session
    writer.write(json.dumps(message).encode() + b"\0")
    writer.flush()
    while True:
        if time.time() > deadline:
            raise SystemExit("timed out waiting for " + method)
        while b"\0" not in buffered:
            chunk = os.read(reader.fileno(), 65536)
            if not chunk:
                raise SystemExit("chromium closed the pipe during " + method)
            buffered += chunk
        raw, buffered = buffered.split(b"\0", 1)
        reply = json.loads(raw)
        if reply.get("id") == next_id:
            if "error" in reply:
                raise SystemExit(method + " failed: " + json.dumps(reply["error"]))
            return reply.get("result", {})


def evaluate(expression, session):
    result = send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True}, session)
    return result.get("result", {}).get("value")


def wait_for(expression, session, what):
    for _ in range(100):
        if evaluate(expression, session):
            return
        time.sleep(0.1)
    raise SystemExit("page never showed " + what + ": " + str(evaluate("document.body ? document.body.innerText : ''", session)))


def open_page(url, width, height, mobile):
    target = send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile}, session)
    send("Page.navigate", {"url": url}, session)
    wait_for("document.readyState === 'complete' && location.href !== 'about:blank'", session, "a loaded page")
    return session


def screenshot(session, name):
    data = send("Page.captureScreenshot", {"format": "png"}, session)["data"]
    with open(os.path.join(shots, name), "wb") as handle:
        handle.write(base64.b64decode(data))


try:
    phone = open_page(base + "/j/" + code, 390, 844, True)
    wait_for("!!document.querySelector('button[value=\"%s\"]')" % participant, phone, "the participant's name")
    screenshot(phone, "phone-join.png")
    evaluate("document.querySelector('button[value=\"%s\"]').click(); true" % participant, phone)
    wait_for("location.pathname === '/p' && !!document.querySelector('button[name=score]')", phone, "the scoring form")
    screenshot(phone, "phone-item.png")
    evaluate("var c = document.getElementById('comment'); c.value = 'Scored from a real browser'; "
             "c.dispatchEvent(new Event('input', {bubbles: true})); true", phone)
    evaluate("document.querySelector('button[name=score][value=\"%s\"]').click(); true" % score, phone)
    wait_for("document.body.innerText.indexOf('Your score is in') >= 0", phone, "the acknowledgement")
    screenshot(phone, "phone-scored.png")
    print(evaluate("document.body.innerText", phone))
    projector = open_page(base + "/screen", 1920, 1080, False)
    wait_for("document.body.innerText.indexOf('scores in') >= 0", projector, "the projector view")
    screenshot(projector, "screen-scoring.png")
    print("--- screen ---")
    print(evaluate("document.body.innerText", projector))
    # The refresh script (allowed by its hash in the Content-Security-Policy) must leave a page alone
    # while nothing changes, and reload it when the room changes.
    evaluate("window.stayed = 1; true", phone)
    time.sleep(5)
    print("--- refresh ---")
    print("kept while nothing changed" if evaluate("window.stayed === 1", phone) else "reloaded with nothing changed")
    import http.client
    host = base.split("//", 1)[1]
    connection = http.client.HTTPConnection(host, timeout=10)
    connection.request("POST", "/claim", "code=%s&participant=p1" % code, {"Content-Type": "application/x-www-form-urlencoded"})
    reply = connection.getresponse()
    reply.read()
    token = reply.getheader("Set-Cookie").split(";")[0]
    connection.request("POST", "/score", "item=LN1&round=1&score=3", {"Content-Type": "application/x-www-form-urlencoded", "Cookie": token})
    connection.getresponse().read()
    for _ in range(60):
        if evaluate("window.stayed !== 1 && document.readyState === 'complete'", phone):
            break
        time.sleep(0.1)
    print("reloaded after a change" if evaluate("window.stayed !== 1", phone) else "not reloaded after a change")
    print(evaluate("document.body.innerText", phone))
finally:
    try:
        send("Browser.close")
    except BaseException:
        pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    shutil.rmtree(profile, ignore_errors=True)
