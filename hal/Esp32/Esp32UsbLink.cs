using System;
using System.Device.Gpio;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Hal.Esp32
{
    /// <summary>
    /// The USB side as the ESP32 sees it on the reference board: the VBUS sense divider and the
    /// USB audio bridge's status outputs, each a plain GPIO input that is high when true.
    /// </summary>
    /// <remarks>
    /// The bridge (an XMOS xcore running the lib_xua USB Audio firmware, hardware/README.md) drives
    /// its lines from lib_xua's hooks: host configured from <c>UserHostActive</c>, playback and
    /// capture active from <c>UserAudioStreamState</c>, the rate family from <c>AudioHwConfig</c>
    /// (high: 48 kHz family, low: 44.1 kHz). The family line alone cannot tell the rates within a
    /// family apart (44.1 from 88.2 kHz, 48 from 96 kHz): the bridge's firmware offers only 44.1
    /// and 48 kHz (MCLK = 256·fs), so the family is the rate. It is read as that rate only while a
    /// host has configured the device; before that the line holds the bridge's start-up default,
    /// which no stream has asked for, and <see cref="SampleRate"/> is 0.
    /// GPIO 32–39 have no internal pull resistors on the classic ESP32 (34–39 are input-only):
    /// the board's pull-downs hold the lines low while the bridge is unpowered.
    /// A rate change: the bridge's firmware sets the family line to the new rate as soon as the
    /// host asks for it and keeps its old clocks for <see cref="ClockNoticeMs"/> before it switches
    /// (hardware/README.md); so a change of the line starts <see cref="ClockChangePending"/>, and
    /// <see cref="SampleRate"/> reports the new rate once the notice time has passed.
    /// </remarks>
    public sealed class Esp32UsbLink : IUsbLink, IDisposable
    {
        private readonly GpioPin _vbus;
        private readonly GpioPin _hostConfigured;
        private readonly GpioPin _playback;
        private readonly GpioPin _capture;
        private readonly GpioPin _rateFamily;
        private int _runningRate;
        private int _announcedRate;
        private long _announcedAtTicks = -1;

        /// <summary>How long the bridge keeps its old clocks after it announced a new rate (its firmware's setting).</summary>
        public const int ClockNoticeMs = 300;

        public Esp32UsbLink(GpioController controller, UsbLinkPins pins)
        {
            _vbus = controller.OpenPin(pins.VbusSense, PinMode.Input);
            _hostConfigured = controller.OpenPin(pins.HostConfigured, PinMode.Input);
            _playback = controller.OpenPin(pins.PlaybackActive, PinMode.Input);
            _capture = controller.OpenPin(pins.CaptureActive, PinMode.Input);
            _rateFamily = controller.OpenPin(pins.RateFamily48k, PinMode.Input);
        }

        public bool VbusPresent
        {
            get { return IsHigh(_vbus); }
        }

        public bool HostConfigured
        {
            get { return IsHigh(_hostConfigured); }
        }

        public bool PlaybackActive
        {
            get { return HostConfigured && IsHigh(_playback); }
        }

        public bool CaptureActive
        {
            get { return HostConfigured && IsHigh(_capture); }
        }

        public int SampleRate
        {
            get
            {
                Follow();
                return _runningRate;
            }
        }

        public bool ClockChangePending
        {
            get
            {
                Follow();
                return _announcedAtTicks >= 0;
            }
        }

        // Follows the family line: a new value is announced, and running once the notice has passed.
        private void Follow()
        {
            if (!HostConfigured)
            {
                _runningRate = 0;
                _announcedRate = 0;
                _announcedAtTicks = -1;
                return;
            }

            int line = IsHigh(_rateFamily) ? 48000 : 44100;
            long now = DateTime.UtcNow.Ticks;
            if (_runningRate == 0)
            {
                _runningRate = line; // the first rate after configuration: the clocks already run at it
                return;
            }

            if (line != _announcedRate)
            {
                _announcedRate = line;
                _announcedAtTicks = line != _runningRate ? now : -1;
            }

            if (_announcedAtTicks >= 0 && now - _announcedAtTicks >= ClockNoticeMs * TimeSpan.TicksPerMillisecond)
            {
                _runningRate = _announcedRate;
                _announcedAtTicks = -1;
            }
        }

        public void Dispose()
        {
            _vbus.Dispose();
            _hostConfigured.Dispose();
            _playback.Dispose();
            _capture.Dispose();
            _rateFamily.Dispose();
        }

        private static bool IsHigh(GpioPin pin)
        {
            return pin.Read() == PinValue.High;
        }
    }

    /// <summary>The GPIOs of the USB bridge's status lines and of VBUS sense.</summary>
    public sealed class UsbLinkPins
    {
        public UsbLinkPins(int vbusSense, int hostConfigured, int playbackActive, int captureActive, int rateFamily48k)
        {
            VbusSense = vbusSense;
            HostConfigured = hostConfigured;
            PlaybackActive = playbackActive;
            CaptureActive = captureActive;
            RateFamily48k = rateFamily48k;
        }

        public int VbusSense { get; }

        public int HostConfigured { get; }

        public int PlaybackActive { get; }

        public int CaptureActive { get; }

        /// <summary>High: the 48 kHz family; low: the 44.1 kHz family.</summary>
        public int RateFamily48k { get; }
    }
}
