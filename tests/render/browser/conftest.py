"""One headless Chromium for the whole session, and pages that cannot reach the network."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@dataclass
class OpenedMap:
    """A map page plus everything it complained about."""

    page: Any
    page_errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    def evaluate(self, script: str, arg: Any = None) -> Any:
        return self.page.evaluate(script, arg)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: run `apt-get install chromium` for the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _png_pixel() -> bytes:
    """A one-pixel grey PNG: what a tile server that answers sends (Leaflet stretches it)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"".join(
        [b"\x89PNG\r\n\x1a\n", chunk(b"IHDR", header),
         chunk(b"IDAT", zlib.compress(b"\x00\xb0")), chunk(b"IEND", b"")]
    )  # fmt: skip


@pytest.fixture
def open_map(browser: Any) -> Iterator[Any]:
    """Open an HTML file with every non-file request refused; collect errors and dialogs.

    ``width``/``height`` set the window, ``locale`` the browser's language, and
    ``tiles=True`` answers tile requests with an image (a network that works for tiles
    only); everything else off the file system is still refused.
    """
    contexts: list[Any] = []

    def opener(
        path: Path,
        *,
        width: int = 1200,
        height: int = 800,
        locale: str | None = None,
        tiles: bool = False,
    ) -> OpenedMap:
        extra = {"locale": locale} if locale else {}
        context = browser.new_context(viewport={"width": width, "height": height}, **extra)
        contexts.append(context)
        page = context.new_page()
        opened = OpenedMap(page)

        def route(route: Any) -> None:
            if route.request.url.startswith("file://"):
                route.continue_()
            elif tiles and route.request.url.endswith(".png"):
                route.fulfill(status=200, content_type="image/png", body=_png_pixel())
            else:
                opened.blocked.append(route.request.url)
                route.abort()

        context.route("**/*", route)
        page.on("pageerror", lambda error: opened.page_errors.append(str(error)))
        page.on(
            "console",
            lambda message: (
                opened.console_errors.append(message.text) if message.type == "error" else None
            ),
        )

        def dialog(d: Any) -> None:
            opened.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)
        page.goto(path.resolve().as_uri())
        page.wait_for_function("window.incidentMap !== undefined")
        page.wait_for_timeout(200)  # chunked loading finishes on the next frames
        return opened

    yield opener
    for context in contexts:
        context.close()
