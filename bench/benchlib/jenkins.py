"""A live test Jenkins for the benchmarks (test-jenkins/jenkins): its HTTP API and script console, and where
an agent JVM's time goes during a build, read from outside so the reading itself loads nothing into it:
its class-loading log (-Xlog:class+load, set when the agent starts), its performance counters (jcmd) and its
CPU time (/proc)."""
import http.cookiejar
import json
import os
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

from .main import ROOT

JENKINS = os.path.join(ROOT, "test-jenkins", "jenkins")


class Jenkins:
    """Its HTTP API and script console, with the CSRF crumb of one session."""

    def __init__(self, url):
        self.url = url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        crumb = self.get_json("crumbIssuer/api/json")
        self.crumb = {crumb["crumbRequestField"]: crumb["crumb"]}

    def get_json(self, path):
        with self.opener.open(self.url + path, timeout=60) as r:
            return json.load(r)

    def get_text(self, path, timeout=60):
        with self.opener.open(self.url + path, timeout=timeout) as r:
            return r.read().decode()

    def post(self, path, data=None):
        req = urllib.request.Request(self.url + path, data=urllib.parse.urlencode(data or {}).encode(), headers=self.crumb)
        with self.opener.open(req, timeout=300) as r:
            return r.read().decode()

    def script(self, groovy):
        """Runs Groovy in the controller's script console and returns what it printed."""
        return self.post("scriptText", {"script": groovy})

    def build(self, job):
        """Runs one build to its end; its number, duration, console text and the sync's JSON report."""
        number = self.get_json(f"job/{job}/api/json")["nextBuildNumber"]
        self.post(f"job/{job}/build")
        while True:
            try:
                b = self.get_json(f"job/{job}/{number}/api/json")
                if not b["building"]:
                    break
            except urllib.error.HTTPError:
                pass
            time.sleep(0.25)
        log = self.get_text(f"job/{job}/{number}/consoleText")
        if b["result"] != "SUCCESS":
            raise SystemExit(f"bench: {job} #{number} ended {b['result']}:\n{log[-3000:]}")
        report = {}
        try:
            report = self.get_json(f"job/{job}/{number}/gitops-1/json")
        except urllib.error.HTTPError:
            pass
        return {"build": number, "duration_s": b["duration"] / 1000, "log": log, "report": report}


def up(env):
    """Starts test-jenkins/jenkins with env (its state dir, agent options); returns its URL."""
    subprocess.run([JENKINS, "down"], env=env, check=False, stdout=subprocess.DEVNULL)  # never an older plugin
    out = subprocess.run([JENKINS, "up"], env=env, check=True, capture_output=True, text=True).stdout
    return out.strip().splitlines()[-1].split("=", 1)[1]


def down(env):
    subprocess.run([JENKINS, "down"], env=env, check=False, stdout=subprocess.DEVNULL)


def restart_agent(env, clear_jar_cache):
    subprocess.run([JENKINS, "restart-agent"] + (["--clear-jar-cache"] if clear_jar_cache else []), env=env,
                   check=True, stdout=subprocess.DEVNULL)


def class_log_options(state):
    """Agent JVM options that log every class it loads, and from where, to a file per JVM."""
    return f"-Xlog:class+load=info:file={state}/agent-classes-%p.log:uptime:filecount=0"


class AgentProbe:
    """Readings of the agent JVM of a test Jenkins state dir; `delta(a, b)` says what happened in between."""

    CLASS_LINE = re.compile(r"\]\s+(\S+) source: (.*)$")

    def __init__(self, state):
        self.state = state
        self.jcmd = shutil.which("jcmd")

    def pid(self):
        with open(os.path.join(self.state, "pids", "agent.pid")) as f:
            return int(f.read().strip())

    def read(self):
        pid = self.pid()
        r = {"pid": pid, "cpu_s": cpu_seconds(pid), "counters": self._counters(pid)}
        log = os.path.join(self.state, f"agent-classes-{pid}.log")
        r["class_log"] = log
        r["class_log_at"] = os.path.getsize(log) if os.path.exists(log) else 0
        return r

    def _counters(self, pid):
        if not self.jcmd:
            return {}
        out = subprocess.run([self.jcmd, str(pid), "PerfCounter.print"], capture_output=True, text=True).stdout
        c = {}
        for line in out.splitlines():
            k, _, v = line.partition("=")
            if v.strip().lstrip("-").isdigit():
                c[k] = int(v)
        return c

    @staticmethod
    def delta(a, b):
        """What the agent did between two readings of the same JVM (a=None: since it started)."""
        if a is not None and a["pid"] != b["pid"]:
            a = None
        ca, cb = (a or {}).get("counters", {}), b["counters"]
        hz = cb.get("sun.os.hrt.frequency", 1_000_000_000)

        def secs(key):
            return (cb.get(key, 0) - ca.get(key, 0)) / hz

        sources = {"over the channel": 0, "from jars on the agent": 0, "from the JDK": 0}
        if os.path.exists(b["class_log"]):
            with open(b["class_log"], encoding="utf-8", errors="replace") as f:
                f.seek((a or {}).get("class_log_at", 0))
                for line in f.read(b["class_log_at"] - (a or {}).get("class_log_at", 0)).splitlines():
                    m = AgentProbe.CLASS_LINE.search(line)
                    if m:
                        sources[_source_kind(m.group(2))] += 1
        gc = sum(secs(f"sun.gc.collector.{i}.time") for i in range(3))
        return {"cpu_s": b["cpu_s"] - (a or {}).get("cpu_s", 0), "jit_s": secs("java.ci.totalTime"),
                "class_load_s": secs("sun.cls.appClassLoadTime"), "classes": sum(sources.values()),
                "classes_by_source": sources, "gc_s": gc}


def _source_kind(source):
    if source.startswith("jrt:") or source.startswith("shared objects file"):
        return "from the JDK"
    if source.startswith("file:") or source.startswith("jar:"):
        return "from jars on the agent"
    return "over the channel"  # defined from bytes the controller sent (remoting's class loader)


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
