#!/bin/sh
# Runs a command in a D-Bus session of its own with a throwaway, unlocked GNOME Keyring (the
# recipe of issue #10): no display, a temporary HOME for the keyring's files.
# Usage: with-keyring.sh COMMAND [ARGUMENTS...]
exec dbus-run-session -- sh -c '
  unset DISPLAY
  export HOME="$(mktemp -d)"
  printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
  "$@"; code=$?
  rm -rf "$HOME"
  exit $code' with-keyring "$@"
