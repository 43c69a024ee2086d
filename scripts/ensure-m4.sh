# Sourced by the scripts that build the crate: GMP's build (through rug)
# needs m4 when ~/.cache/gmp-mpfr-sys is empty, as on a fresh machine.
if ! command -v m4 >/dev/null 2>&1; then
    echo "== installing m4"
    if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq >/dev/null
    $sudo apt-get install -y -qq --no-install-recommends m4 >/dev/null
fi
