"""A minimal client of the YAML language server (the one VS Code's YAML extension runs), to ask it
what the editor shows on hover over a record: JSON-RPC over the server's stdin/stdout."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

TOOLS = Path(__file__).resolve().parent / "tools"
SERVER = TOOLS / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"


def available() -> str | None:
    """Why the server cannot be run here (a reason to skip), or None."""
    if shutil.which("node") is None:
        return "node is not installed"
    if not SERVER.is_file():
        return "yaml-language-server is not installed: npm ci --prefix tests/tools"
    return None


class YamlLanguageServer:
    def __init__(self, root: Path):
        self.process = subprocess.Popen(["node", str(SERVER), "--stdio"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)  # fmt: skip
        self.next_id = 0
        self.request("initialize", {"processId": None, "rootUri": root.as_uri(), "capabilities": {}})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration",
                    {"settings": {"yaml": {"validate": True, "hover": True, "completion": True,
                                           "schemaStore": {"enable": False}}}})  # fmt: skip

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self) -> dict:
        length = 0
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("yaml-language-server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode("ascii").partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))

    def notify(self, method: str, params: dict) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict):
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == self.next_id and "method" not in message:
                if "error" in message:
                    raise RuntimeError(message["error"])
                return message.get("result")
            if "method" in message and "id" in message:  # a request of the server's: answer it
                answer = [None] * len(message.get("params", {}).get("items", [])) if message["method"] == \
                    "workspace/configuration" else None  # fmt: skip
                self.send({"id": message["id"], "result": answer})

    def open(self, path: Path) -> str:
        uri = path.resolve().as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1,
                                                              "text": path.read_text(encoding="utf-8")}})  # fmt: skip
        return uri

    def hover(self, uri: str, line: int, character: int) -> str:
        """The hover text at a 0-based position, as markdown ('' when there is none)."""
        result = self.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                     "position": {"line": line, "character": character}})  # fmt: skip
        if not result:
            return ""
        contents = result["contents"]
        return contents["value"] if isinstance(contents, dict) else str(contents)

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
        except (OSError, RuntimeError):
            pass
        self.process.kill()
        self.process.wait()
