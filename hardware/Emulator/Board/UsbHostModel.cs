using System;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Emulator
{
    /// <summary>
    /// The USB side of the board: what the firmware can observe of the class-compliant USB audio
    /// bridge (<see cref="IUsbLink"/>), and the knobs a test turns to play the computer.
    /// </summary>
    /// <remarks>
    /// Model: <see cref="Attach"/> puts 5 V on VBUS at once and the host configures the device
    /// <see cref="EnumerationMs"/> later (default 400 ms, a typical enumeration plus audio-class
    /// set-up time); <see cref="Detach"/> drops everything at once and cancels a pending
    /// enumeration. Playback and capture share one sample rate (one I2S clock domain on the
    /// bridge): starting either stream or <see cref="SetSampleRate"/> sets the rate for both.
    /// While configured the bridge is I2S master towards the codec (<see cref="DrivesClocks"/>),
    /// at the stream's rate or 48 kHz before any stream set one, MCLK = 256·fs.
    /// Errors in a test script (a stream without a configured host, an unsupported rate) throw.
    /// </remarks>
    public sealed class UsbHostModel : IUsbLink
    {
        /// <summary>MCLK as a multiple of the sample rate when the bridge drives the codec.</summary>
        public const int MclkPerFs = 256;

        /// <summary>The rate the bridge clocks the codec at before any stream chose one.</summary>
        public const int DefaultClockRate = 48000;

        private readonly VirtualClock _clock;
        private readonly TimedAction _enumerated;
        private long _enumerationDueUs = -1;
        private int _enumerationMs = 400;
        private bool _vbus;
        private bool _configured;
        private bool _playback;
        private bool _capture;
        private int _sampleRate;
        private int _pendingRate;
        private int _orphanRate;
        private long _rateDueUs = -1;
        private int _clockNoticeMs = 300;
        private readonly TimedAction _rateDue;
        private SignalSource _left = SilenceSource.Instance;
        private SignalSource _right = SilenceSource.Instance;
        private int _stateChanges;

        public UsbHostModel(VirtualClock clock)
        {
            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            _clock = clock;
            _enumerated = OnEnumerated;
            _rateDue = OnRateDue;
        }

        /// <summary>
        /// How long the bridge keeps its old clocks after the computer set a new rate, in ms
        /// (default 300), with <see cref="ClockChangePending"/> raised meanwhile; 0: at once.
        /// </summary>
        public int ClockNoticeMs
        {
            get { return _clockNoticeMs; }
            set
            {
                if (value < 0)
                {
                    throw new ArgumentOutOfRangeException("value");
                }

                _clockNoticeMs = value;
            }
        }

        /// <summary>A new rate is announced and the clocks change when the notice time has passed.</summary>
        public bool ClockChangePending
        {
            get { return _rateDueUs >= 0; }
        }

        /// <summary>Time from VBUS to "host configured" on <see cref="Attach"/>, in ms (default 400).</summary>
        public int EnumerationMs
        {
            get { return _enumerationMs; }
            set
            {
                if (value < 0)
                {
                    throw new ArgumentOutOfRangeException("value");
                }

                _enumerationMs = value;
            }
        }

        public bool VbusPresent
        {
            get { return _vbus; }
        }

        public bool HostConfigured
        {
            get { return _configured; }
        }

        public bool PlaybackActive
        {
            get { return _playback; }
        }

        public bool CaptureActive
        {
            get { return _capture; }
        }

        public int SampleRate
        {
            get { return _sampleRate; }
        }

        /// <summary>True while an enumeration is scheduled and not yet done.</summary>
        public bool EnumerationPending
        {
            get { return _enumerationDueUs >= 0; }
        }

        /// <summary>
        /// True while the bridge runs the codec's I2S clocks: while a host has configured it, and,
        /// once it has run, on after the host let go for as long as it has power (lib_xua's audio
        /// core keeps its I2S running with silence; only the loss of VBUS stops it).
        /// </summary>
        public bool DrivesClocks
        {
            get { return _configured || _orphanRate != 0; }
        }

        /// <summary>The LRCLK rate the bridge drives, in Hz; 0 when it does not drive the clocks.</summary>
        public int ClockRate
        {
            get
            {
                if (!_configured)
                {
                    return _orphanRate;
                }

                return _sampleRate != 0 ? _sampleRate : DefaultClockRate;
            }
        }

        /// <summary>The MCLK the bridge drives (256 × <see cref="ClockRate"/>), in Hz; 0 when not driving.</summary>
        public double MclkHz
        {
            get { return MclkPerFs * (double)ClockRate; }
        }

        /// <summary>What the computer plays on the left channel; silence when not playing.</summary>
        public SignalSource PlaybackLeft
        {
            get { return _playback ? _left : SilenceSource.Instance; }
        }

        /// <summary>What the computer plays on the right channel; silence when not playing.</summary>
        public SignalSource PlaybackRight
        {
            get { return _playback ? _right : SilenceSource.Instance; }
        }

        /// <summary>Incremented on every observable change; the board polls it to know when to re-check the clocks.</summary>
        public int StateChanges
        {
            get { return _stateChanges; }
        }

        /// <summary>True for the sample rates a host may choose (8 k … 48 kHz, both families).</summary>
        public static bool IsSupportedRate(int sampleRate)
        {
            switch (sampleRate)
            {
                case 8000:
                case 11025:
                case 16000:
                case 22050:
                case 32000:
                case 44100:
                case 48000:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>A computer is plugged in: VBUS now, configured after <see cref="EnumerationMs"/>.</summary>
        public void Attach()
        {
            if (_configured || _enumerationDueUs >= 0)
            {
                return;
            }

            if (!_vbus)
            {
                _vbus = true;
                _stateChanges++;
            }

            _enumerationDueUs = _clock.NowUs + _enumerationMs * 1000L;
            _clock.Schedule(_enumerationDueUs, _enumerated);
        }

        /// <summary>5 V with no data (a charger or a power bank on the USB port): never configured.</summary>
        public void AttachPowerOnly()
        {
            if (_vbus)
            {
                return;
            }

            _vbus = true;
            _stateChanges++;
        }

        /// <summary>
        /// The computer lets go of the device (it sleeps, or its driver unloads) while the port keeps
        /// its 5 V: the host is gone and the streams stop, but the bridge keeps its clocks running at
        /// the last rate until it loses power.
        /// </summary>
        public void HostLeaves()
        {
            if (!_configured)
            {
                return;
            }

            int rate = ClockRate;
            _enumerationDueUs = -1;
            _rateDueUs = -1;
            _configured = false;
            _playback = false;
            _capture = false;
            _sampleRate = 0;
            _left = SilenceSource.Instance;
            _right = SilenceSource.Instance;
            _orphanRate = rate;
            _stateChanges++;
        }

        /// <summary>The cable is pulled: everything off at once; a pending enumeration never completes.</summary>
        public void Detach()
        {
            _orphanRate = 0;
            _enumerationDueUs = -1;
            if (!_vbus && !_configured)
            {
                return;
            }

            _vbus = false;
            _configured = false;
            _rateDueUs = -1;
            _playback = false;
            _capture = false;
            _sampleRate = 0;
            _left = SilenceSource.Instance;
            _right = SilenceSource.Instance;
            _stateChanges++;
        }

        /// <summary>
        /// The computer starts playing <paramref name="left"/>/<paramref name="right"/> (null = silence)
        /// at <paramref name="sampleRate"/> (a new rate goes through the bridge's notice first, see <see cref="SetSampleRate"/>).
        /// </summary>
        public void StartPlayback(int sampleRate, SignalSource left, SignalSource right)
        {
            RequireStreamable(sampleRate);
            ChangeRate(sampleRate);
            _playback = true;
            _left = left != null ? left : SilenceSource.Instance;
            _right = right != null ? right : SilenceSource.Instance;
            _stateChanges++;
        }

        public void StopPlayback()
        {
            if (!_playback)
            {
                return;
            }

            _playback = false;
            _left = SilenceSource.Instance;
            _right = SilenceSource.Instance;
            _stateChanges++;
        }

        /// <summary>The computer starts recording at <paramref name="sampleRate"/>.</summary>
        public void StartCapture(int sampleRate)
        {
            RequireStreamable(sampleRate);
            ChangeRate(sampleRate);
            _capture = true;
            _stateChanges++;
        }

        public void StopCapture()
        {
            if (!_capture)
            {
                return;
            }

            _capture = false;
            _stateChanges++;
        }

        /// <summary>
        /// The computer changes the rate (while streaming or not), streams stay active. The first
        /// rate after enumeration applies at once; a change raises <see cref="ClockChangePending"/>
        /// and applies <see cref="ClockNoticeMs"/> later (a change during the notice replaces the
        /// announced rate).
        /// </summary>
        public void SetSampleRate(int sampleRate)
        {
            RequireStreamable(sampleRate);
            ChangeRate(sampleRate);
        }

        private void ChangeRate(int sampleRate)
        {
            int running = _sampleRate != 0 ? _sampleRate : DefaultClockRate;
            if (_rateDueUs < 0 && sampleRate == running)
            {
                _sampleRate = sampleRate;
                return;
            }

            if (_clockNoticeMs == 0)
            {
                _sampleRate = sampleRate;
                _stateChanges++;
                return;
            }

            _pendingRate = sampleRate;
            if (_rateDueUs < 0)
            {
                _rateDueUs = _clock.NowUs + _clockNoticeMs * 1000L;
                _clock.Schedule(_rateDueUs, _rateDue);
                _stateChanges++;
            }
        }

        private void OnRateDue(long nowUs)
        {
            if (_rateDueUs != nowUs)
            {
                return; // detached meanwhile
            }

            _rateDueUs = -1;
            if (_configured && _pendingRate != _sampleRate)
            {
                _sampleRate = _pendingRate;
            }

            _stateChanges++;
        }

        private void RequireStreamable(int sampleRate)
        {
            if (!_configured)
            {
                throw new InvalidOperationException("USB host not configured");
            }

            if (!IsSupportedRate(sampleRate))
            {
                throw new ArgumentOutOfRangeException("sampleRate");
            }
        }

        private void OnEnumerated(long nowUs)
        {
            // a Detach (or Detach + Attach) since this was scheduled moved the due time
            if (_enumerationDueUs != nowUs || !_vbus)
            {
                return;
            }

            _enumerationDueUs = -1;
            _configured = true;
            _orphanRate = 0;
            _stateChanges++;
        }
    }
}
