#!/usr/bin/env bash
# Installs the Debian/Ubuntu libraries the kiosk needs (Qt's runtime, audio, a CJK font, libvips for
# the zoom tiles and screen-size copies of large pictures, Speech Dispatcher with espeak-ng's voices
# for read-aloud mode, git for pulling content, cec-ctl and ddcutil for switching displays with the
# opening hours) and what its tests need for the real-display rig (Xvfb, Mesa's OpenGL, xdotool).
# As root it runs apt-get; otherwise it prints the exact command to run and carries on.
set -euo pipefail

PACKAGES=(
  libpulse0 libegl1 libgl1 libopengl0 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3
  libglib2.0-0 libasound2 libgssapi-krb5-2
  fonts-noto-core fonts-noto-cjk libvips42
  speech-dispatcher speech-dispatcher-audio-plugins speech-dispatcher-espeak-ng espeak-ng libspeechd2
  xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1 libx11-6
  libgl1-mesa-dri libglx-mesa0 libegl-mesa0 xdotool
  v4l-utils ddcutil x11-xserver-utils
  python3-venv git
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system libraries: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "These system libraries are missing. Install them with:"
  echo "  sudo apt-get install -y ${missing[*]}"
fi
