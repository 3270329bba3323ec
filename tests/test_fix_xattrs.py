"""``--fix`` replacing a file keeps its extended attributes (and so its POSIX ACLs); where
one cannot be given to the new file, the file is written in place, which keeps them all."""

from __future__ import annotations

import errno
import os
import struct
from pathlib import Path

import pytest

from citecheck import fixes
from citecheck.fixes import Outcome, XattrCalls, copy_xattrs, write_fixed
from citecheck.readers import read_source

DIRTY = "See a/hrc/41/35.\n"
FIXED = "See A/HRC/41/35.\n"


def _user_xattr(path: Path) -> None:
    """Set ``user.citecheck`` on ``path``, or skip saying why the file system refuses it."""
    if fixes.XATTRS is None:
        pytest.skip("this platform has no extended-attribute calls (os.setxattr)")
    try:
        os.setxattr(path, "user.citecheck", b"kept")
    except OSError as exc:
        pytest.skip(f"the file system of {path.parent} refuses user.* attributes ({exc})")


def test_a_replaced_file_keeps_its_user_attributes(tmp_path: Path) -> None:
    f = tmp_path / "f.txt"
    f.write_text(DIRTY, encoding="utf-8")
    _user_xattr(f)
    inode = f.stat().st_ino
    assert write_fixed(read_source(str(f)), FIXED) is Outcome.WRITTEN
    assert f.read_text(encoding="utf-8") == FIXED
    assert f.stat().st_ino != inode  # replaced, not written in place
    assert os.getxattr(f, "user.citecheck") == b"kept"
    assert not [p.name for p in tmp_path.iterdir() if p.name != "f.txt"]  # no temporary left


def _acl(uid: int) -> bytes:
    """A POSIX access ACL (the kernel's xattr form): owner rw, user ``uid`` r, group r,
    mask r, others r."""
    entries = [(0x01, 6, 0xFFFFFFFF), (0x02, 4, uid), (0x04, 4, 0xFFFFFFFF)]
    entries += [(0x10, 4, 0xFFFFFFFF), (0x20, 4, 0xFFFFFFFF)]
    return struct.pack("<I", 2) + b"".join(struct.pack("<HHI", *e) for e in entries)


def test_a_replaced_file_keeps_its_posix_acl(tmp_path: Path) -> None:
    if fixes.XATTRS is None:
        pytest.skip("this platform has no extended-attribute calls (os.setxattr)")
    f = tmp_path / "f.txt"
    f.write_text(DIRTY, encoding="utf-8")
    os.chmod(f, 0o644)
    acl = _acl(os.getuid() + 4242)
    try:
        os.setxattr(f, "system.posix_acl_access", acl)
    except OSError as exc:
        pytest.skip(f"the file system of {tmp_path} refuses POSIX ACLs ({exc})")
    assert write_fixed(read_source(str(f)), FIXED) is Outcome.WRITTEN
    assert f.read_text(encoding="utf-8") == FIXED
    assert os.getxattr(f, "system.posix_acl_access") == acl
    assert f.stat().st_mode & 0o777 == 0o644


class FakeXattrs:
    """Extended attributes by path in memory; ``fail`` maps a call and name to an errno."""

    def __init__(self, files: dict[str, dict[str, bytes]], fail: dict[tuple[str, str], int]):
        self.files = files
        self.fail = fail
        self.calls: list[tuple[str, str, str]] = []

    def _check(self, call: str, path: str, name: str = "") -> None:
        self.calls.append((call, Path(path).name, name))
        code = self.fail.get((call, name))
        if code is not None:
            raise OSError(code, os.strerror(code))

    def calls_of(self) -> XattrCalls:
        def names(path: str) -> list[str]:
            self._check("names", path)
            return list(self.files.setdefault(path, {}))

        def get(path: str, name: str) -> bytes:
            self._check("get", path, name)
            try:
                return self.files.setdefault(path, {})[name]
            except KeyError:
                raise OSError(errno.ENODATA, os.strerror(errno.ENODATA)) from None

        def set_(path: str, name: str, value: bytes) -> None:
            self._check("set", path, name)
            self.files.setdefault(path, {})[name] = value

        def remove(path: str, name: str) -> None:
            self._check("remove", path, name)
            del self.files.setdefault(path, {})[name]

        return XattrCalls(names, get, set_, remove)


@pytest.mark.parametrize(
    ("source", "target", "fail", "after", "reason"),
    [
        ({}, {}, {}, {}, None),  # nothing to copy
        ({"user.a": b"1", "user.b": b"2"}, {}, {}, {"user.a": b"1", "user.b": b"2"}, None),
        (
            {"security.selinux": b"l"},
            {"security.selinux": b"l"},
            {("set", "security.selinux"): 1},
            {"security.selinux": b"l"},
            None,
        ),  # already equal: not set again
        ({}, {"system.posix_acl_access": b"x"}, {}, {}, None),  # an inherited ACL removed
        ({"user.a": b"1"}, {}, {("names", ""): errno.ENOTSUP}, {}, None),  # no xattrs here
        (
            {"trusted.t": b"1"},
            {},
            {("set", "trusted.t"): errno.EPERM},
            {},
            f"its extended attribute trusted.t cannot be copied ({os.strerror(errno.EPERM)})",
        ),
        (
            {"user.a": b"1"},
            {},
            {("names", ""): errno.EACCES},
            {},
            f"its extended attributes cannot be listed ({os.strerror(errno.EACCES)})",
        ),
        (
            {},
            {"user.x": b"1"},
            {("remove", "user.x"): errno.EPERM},
            {"user.x": b"1"},
            "the new file's extended attribute user.x cannot be removed "
            f"({os.strerror(errno.EPERM)})",
        ),
    ],
)
def test_copy_xattrs(
    source: dict[str, bytes],
    target: dict[str, bytes],
    fail: dict[tuple[str, str], int],
    after: dict[str, bytes],
    reason: str | None,
) -> None:
    fake = FakeXattrs({"/d/src": dict(source), "/d/tmp": dict(target)}, fail)
    assert copy_xattrs("/d/src", "/d/tmp", fake.calls_of()) == reason
    assert fake.files["/d/tmp"] == after


def test_copy_xattrs_without_platform_calls_does_nothing() -> None:
    assert copy_xattrs("/d/src", "/d/tmp", None) is None


def _fixed_with(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail: dict[tuple[str, str], int]
) -> tuple[Path, int, FakeXattrs]:
    f = tmp_path / "f.txt"
    f.write_text(DIRTY, encoding="utf-8")
    inode = f.stat().st_ino
    fake = FakeXattrs({str(f): {"user.a": b"1", "system.posix_acl_access": b"acl"}}, fail)
    monkeypatch.setattr(fixes, "XATTRS", fake.calls_of())
    assert write_fixed(read_source(str(f)), FIXED) is Outcome.WRITTEN
    assert f.read_text(encoding="utf-8") == FIXED
    return f, inode, fake


def test_replace_gives_the_new_file_every_attribute_through_the_seam(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f, inode, fake = _fixed_with(tmp_path, monkeypatch, {})
    assert f.stat().st_ino != inode  # replaced
    (tmp,) = {path for path in fake.files if path != str(f)}
    assert fake.files[tmp] == {"user.a": b"1", "system.posix_acl_access": b"acl"}
    assert [c for c in fake.calls if c[0] == "set"] == [
        ("set", Path(tmp).name, "user.a"),
        ("set", Path(tmp).name, "system.posix_acl_access"),
    ]


@pytest.mark.parametrize("call", ["set", "get"])
def test_an_attribute_that_cannot_be_copied_means_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: str
) -> None:
    code = errno.EPERM if call == "set" else errno.EACCES
    f, inode, _ = _fixed_with(tmp_path, monkeypatch, {(call, "system.posix_acl_access"): code})
    assert f.stat().st_ino == inode  # written in place: the file keeps every attribute
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]  # the temporary file is gone
