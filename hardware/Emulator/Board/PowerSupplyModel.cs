using System;
using System.Collections;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Emulator
{
    /// <summary>Raised when the board's supply comes or goes (<paramref name="on"/> = the new state).</summary>
    public delegate void PowerChangedHandler(bool on);

    /// <summary>
    /// The board's 5 V source (a computer port, a power bank or a charger) and its load: the
    /// consumers on the board, the switchable keep-alive load and a constant base draw.
    /// </summary>
    /// <remarks>
    /// Model. The draw is sampled every 10 ms of virtual time (<see cref="SliceUs"/>, on a fixed
    /// grid; long advances are stepped through slice by slice without allocating) and averaged over
    /// the last <see cref="AveragingMs"/> (1 s by default). A power bank switches its output off when
    /// that average stays below <see cref="BankThresholdMilliamps"/> continuously for
    /// <see cref="BankTimeoutMs"/>, at that moment (to the µs when the draw is steady); its button
    /// (<see cref="PressBankButton"/>) switches it back on and restarts the timer. Computer ports
    /// and chargers never switch off.
    /// Defaults: 45 mA / 32 s are the IP5306 power-bank SoC's light-load auto-off ("load current
    /// continuously lower than 45 mA → 32 s", Injoinic IP5306 datasheet; other banks cut
    /// after 12–120 s at up to ~100 mA, so tests vary them). The 150 mA keep-alive load matches the
    /// "150 mA for 1 s every 10 s" pulsed dummy load from the same section. The 1 s averaging window
    /// is a modelling choice (banks filter their current sense; none publishes the filter): it makes
    /// a 1 s keep-alive pulse count, and a few-ms spike not.
    /// </remarks>
    public sealed class PowerSupplyModel : IPowerSupply, ITimeListener
    {
        /// <summary>The sampling grid, in µs of virtual time.</summary>
        public const int SliceUs = 10000;

        private readonly VirtualClock _clock;
        private readonly ArrayList _consumers = new ArrayList();
        private PowerChangedHandler _powerChanged;
        private bool _connected;
        private PowerSourceKind _kind = PowerSourceKind.Unknown;
        private bool _switchedOff;
        private bool _keepAlive;
        private long _switchedOffAtUs = -1;
        private long _timerResetUs;
        private long _lowSinceUs = -1;

        // the open slice
        private double _sliceCharge;
        private long _sliceDuration;

        // the averaging window: closed slices, charge in mA·µs and duration in µs
        private int _averagingMs;
        private double[] _ringCharge;
        private long[] _ringDuration;
        private int _ringIndex;
        private int _ringCount;
        private double _windowCharge;
        private long _windowDuration;

        public PowerSupplyModel(VirtualClock clock)
        {
            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            _clock = clock;
            CanSenseSource = true;
            KeepAliveMilliamps = 150;
            BaseMilliamps = 0;
            BankThresholdMilliamps = 45;
            BankTimeoutMs = 32000;
            AveragingMs = 1000;
            clock.AddListener(this);
        }

        /// <summary>Raised when <see cref="OutputOn"/> changes (from inside the clock's advance when a bank switches off).</summary>
        public event PowerChangedHandler PowerChanged
        {
            add { _powerChanged = (PowerChangedHandler)Delegate.Combine(_powerChanged, value); }
            remove { _powerChanged = (PowerChangedHandler)Delegate.Remove(_powerChanged, value); }
        }

        /// <summary>True when the board has sense lines that tell the kind of source (default true).</summary>
        public bool CanSenseSource { get; set; }

        /// <summary>The keep-alive load's draw while on, in mA (default 150).</summary>
        public double KeepAliveMilliamps { get; set; }

        /// <summary>Extra constant draw, in mA (default 0).</summary>
        public double BaseMilliamps { get; set; }

        /// <summary>A power bank's light-load threshold, in mA (default 45, IP5306).</summary>
        public double BankThresholdMilliamps { get; set; }

        /// <summary>How long the average must stay below the threshold before a bank switches off, in ms (default 32000, IP5306).</summary>
        public int BankTimeoutMs { get; set; }

        /// <summary>The averaging window in ms (default 1000; rounded up to whole 10 ms slices). Setting it restarts the average.</summary>
        public int AveragingMs
        {
            get { return _averagingMs; }
            set
            {
                if (value <= 0)
                {
                    throw new ArgumentOutOfRangeException("value");
                }

                _averagingMs = value;
                int slices = (int)((value * 1000L + SliceUs - 1) / SliceUs);
                _ringCharge = new double[slices];
                _ringDuration = new long[slices];
                ResetWindow();
            }
        }

        /// <summary>What the firmware observes: the kind of source, or Unknown when it cannot sense it or nothing is connected.</summary>
        public PowerSourceKind Source
        {
            get { return CanSenseSource && _connected ? _kind : PowerSourceKind.Unknown; }
        }

        /// <summary>What is really connected (Unknown when nothing), whatever the board can sense.</summary>
        public PowerSourceKind ConnectedKind
        {
            get { return _connected ? _kind : PowerSourceKind.Unknown; }
        }

        public bool Connected
        {
            get { return _connected; }
        }

        /// <summary>True while a source is connected and has not switched itself off.</summary>
        public bool OutputOn
        {
            get { return _connected && !_switchedOff; }
        }

        public bool KeepAliveLoadOn
        {
            get { return _keepAlive; }
        }

        /// <summary>Virtual time (µs) at which a power bank last switched itself off since <see cref="Connect"/>; -1 if it did not.</summary>
        public long SwitchedOffAtUs
        {
            get { return _switchedOffAtUs; }
        }

        /// <summary>The present draw: consumers + keep-alive + base, in mA; 0 while the output is off.</summary>
        public double CurrentMilliamps
        {
            get
            {
                if (!OutputOn)
                {
                    return 0;
                }

                double total = BaseMilliamps;
                if (_keepAlive)
                {
                    total += KeepAliveMilliamps;
                }

                for (int i = 0; i < _consumers.Count; i++)
                {
                    total += ((ICurrentConsumer)_consumers[i]).CurrentMilliamps;
                }

                return total;
            }
        }

        /// <summary>
        /// The draw averaged over the last <see cref="AveragingMs"/> (closed 10 ms slices since the
        /// source was connected); the present draw before the first slice closes.
        /// </summary>
        public double AverageMilliamps
        {
            get { return _windowDuration > 0 ? _windowCharge / _windowDuration : CurrentMilliamps; }
        }

        public void AddConsumer(ICurrentConsumer consumer)
        {
            if (consumer == null)
            {
                throw new ArgumentNullException("consumer");
            }

            _consumers.Add(consumer);
        }

        public void SetKeepAliveLoad(bool on)
        {
            _keepAlive = on;
        }

        /// <summary>Plugs the board into a source (ComputerPort, PowerBank or Charger); its output is on at once.</summary>
        public void Connect(PowerSourceKind kind)
        {
            if (kind != PowerSourceKind.ComputerPort && kind != PowerSourceKind.PowerBank && kind != PowerSourceKind.Charger)
            {
                throw new ArgumentOutOfRangeException("kind");
            }

            bool wasOn = OutputOn;
            _connected = true;
            _kind = kind;
            _switchedOff = false;
            _switchedOffAtUs = -1;
            RestartBankTimer();
            ResetWindow();
            if (!wasOn)
            {
                RaisePowerChanged(true);
            }
        }

        /// <summary>Unplugs the source: the output is off at once.</summary>
        public void Disconnect()
        {
            bool wasOn = OutputOn;
            _connected = false;
            _kind = PowerSourceKind.Unknown;
            _switchedOff = false;
            _lowSinceUs = -1;
            if (wasOn)
            {
                RaisePowerChanged(false);
            }
        }

        /// <summary>The power bank's button: switches a bank's output back on and restarts its timer. No effect on other sources.</summary>
        public void PressBankButton()
        {
            if (!_connected || _kind != PowerSourceKind.PowerBank)
            {
                return;
            }

            bool wasOn = OutputOn;
            _switchedOff = false;
            RestartBankTimer();
            if (!wasOn)
            {
                RaisePowerChanged(true);
            }
        }

        public void AdvanceTo(long fromUs, long toUs)
        {
            long t = fromUs;
            while (t < toUs)
            {
                long sliceEnd = (t / SliceUs + 1) * SliceUs;
                long next = sliceEnd < toUs ? sliceEnd : toUs;
                long deadline = BankDeadlineUs();
                if (deadline > t && deadline < next)
                {
                    next = deadline;
                }

                long duration = next - t;
                _sliceCharge += CurrentMilliamps * duration;
                _sliceDuration += duration;
                t = next;
                if (t == sliceEnd)
                {
                    CloseSlice(t);
                }

                deadline = BankDeadlineUs();
                if (deadline >= 0 && t >= deadline)
                {
                    _switchedOff = true;
                    _switchedOffAtUs = t;
                    _lowSinceUs = -1;
                    RaisePowerChanged(false);
                }
            }
        }

        /// <summary>When a low-loaded bank will switch off if nothing changes; -1 when it will not.</summary>
        private long BankDeadlineUs()
        {
            if (_lowSinceUs < 0 || !OutputOn || _kind != PowerSourceKind.PowerBank)
            {
                return -1;
            }

            return _lowSinceUs + BankTimeoutMs * 1000L;
        }

        private void CloseSlice(long endUs)
        {
            long duration = _sliceDuration;
            if (_ringCount == _ringCharge.Length)
            {
                _windowCharge -= _ringCharge[_ringIndex];
                _windowDuration -= _ringDuration[_ringIndex];
            }
            else
            {
                _ringCount++;
            }

            _ringCharge[_ringIndex] = _sliceCharge;
            _ringDuration[_ringIndex] = duration;
            _windowCharge += _sliceCharge;
            _windowDuration += duration;
            _ringIndex++;
            if (_ringIndex == _ringCharge.Length)
            {
                // once per window: re-add from scratch so subtraction errors cannot accumulate
                _ringIndex = 0;
                _windowCharge = 0;
                for (int i = 0; i < _ringCount; i++)
                {
                    _windowCharge += _ringCharge[i];
                }
            }

            _sliceCharge = 0;
            _sliceDuration = 0;

            if (_kind != PowerSourceKind.PowerBank || !OutputOn)
            {
                return;
            }

            if (AverageMilliamps < BankThresholdMilliamps)
            {
                if (_lowSinceUs < 0)
                {
                    long sliceStart = endUs - duration;
                    _lowSinceUs = sliceStart > _timerResetUs ? sliceStart : _timerResetUs;
                }
            }
            else
            {
                _lowSinceUs = -1;
            }
        }

        private void RestartBankTimer()
        {
            _timerResetUs = _clock.NowUs;
            _lowSinceUs = -1;
        }

        private void ResetWindow()
        {
            _ringIndex = 0;
            _ringCount = 0;
            _windowCharge = 0;
            _windowDuration = 0;
            _sliceCharge = 0;
            _sliceDuration = 0;
        }

        private void RaisePowerChanged(bool on)
        {
            PowerChangedHandler handler = _powerChanged;
            if (handler != null)
            {
                handler(on);
            }
        }
    }
}
