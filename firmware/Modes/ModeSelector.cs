using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Firmware.Modes
{
    /// <summary>USB (a computer configured the device and its bridge clocks the codecs) or standalone (the ESP32 does).</summary>
    public enum DeviceMode
    {
        Standalone = 0,
        Usb = 1,
    }

    /// <summary>
    /// Decides the mode and the sample rate the codecs must be clocked at, from the USB bridge's
    /// status lines: USB once a computer has configured the device (at the stream's rate, 48 kHz
    /// before one is set); standalone otherwise (no bridge, 5 V from a charger or a power bank, or
    /// the computer left). At power-up the firmware holds the codecs in standby while
    /// <see cref="WaitingForHost"/> (5 V, not configured, within <see cref="GraceMs"/>), so a
    /// computer that is enumerating does not cost a clock change; once running, a computer that
    /// leaves switches to standalone at once. Pure but for the time it is given.
    /// </summary>
    public sealed class ModeSelector
    {
        /// <summary>How long the boot waits on 5 V without a configured host for a computer to enumerate before starting standalone.</summary>
        public const int GraceMs = 2000;

        /// <summary>The rate the ESP32 clocks the codec at in standalone mode, and the bridge's before a stream sets one.</summary>
        public const int StandaloneRate = 48000;

        private readonly IUsbLink _usb;
        private long _unconfiguredSinceMs = -1;

        /// <param name="usb">The bridge's status lines; null on a board without a bridge.</param>
        public ModeSelector(IUsbLink usb)
        {
            _usb = usb;
        }

        /// <summary>The mode wanted now.</summary>
        public DeviceMode Mode { get; private set; }

        /// <summary>The rate wanted now.</summary>
        public int SampleRate { get; private set; }

        /// <summary>The bridge announced a clock change: take the codecs off their live outputs now.</summary>
        public bool ClockChangeAnnounced { get; private set; }

        /// <summary>Waiting for a computer that may still enumerate (5 V, not configured, within the grace time).</summary>
        public bool WaitingForHost { get; private set; }

        /// <summary>Looks at the bridge at <paramref name="nowMs"/>.</summary>
        public void Update(long nowMs)
        {
            ClockChangeAnnounced = false;
            WaitingForHost = false;
            if (_usb == null)
            {
                Mode = DeviceMode.Standalone;
                SampleRate = StandaloneRate;
                return;
            }

            if (_usb.HostConfigured)
            {
                _unconfiguredSinceMs = -1;
                Mode = DeviceMode.Usb;
                SampleRate = _usb.SampleRate > 0 ? _usb.SampleRate : StandaloneRate;
                ClockChangeAnnounced = _usb.ClockChangePending;
                return;
            }

            if (_unconfiguredSinceMs < 0)
            {
                _unconfiguredSinceMs = nowMs;
            }

            // A computer may still be enumerating: at boot, wait for it before choosing the clocks.
            WaitingForHost = _usb.VbusPresent && nowMs - _unconfiguredSinceMs < GraceMs;

            Mode = DeviceMode.Standalone;
            SampleRate = StandaloneRate;
        }
    }
}
