using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Firmware.Modes
{
    /// <summary>
    /// Keeps a power bank from switching off under the board's light load: a pulsed load (a
    /// resistor switched by a MOSFET) while the device runs standalone on a bank, or on a source
    /// the board cannot identify without a computer. Power banks cut off when their output
    /// current stays below a threshold for a while (IP5306: 45 mA for 32 s; others 12–120 s at
    /// up to ~100 mA); a short pulse at 150 mA, regularly, restarts their timer at a fraction of
    /// the energy of a constant load ("150 mA for 1 s every 10 s" is the published recipe).
    /// </summary>
    public sealed class KeepAlive
    {
        private readonly IPowerSupply _power;
        private long _nextPulseMs = -1;
        private long _pulseEndMs = -1;
        private int _pulses;

        /// <param name="power">The board's power sensing and load switch; null when the board has none.</param>
        public KeepAlive(IPowerSupply power)
        {
            _power = power;
        }

        /// <summary>Pulses started since start-up.</summary>
        public int Pulses
        {
            get { return _pulses; }
        }

        /// <summary>True while pulsing is wanted (standalone on a bank).</summary>
        public bool Active { get; private set; }

        /// <summary>
        /// One tick: pulses when <paramref name="enabled"/> and the board runs without a computer on a
        /// power bank (or a source it cannot tell); the load is off otherwise.
        /// </summary>
        public void Update(long nowMs, bool enabled, bool standalone, int periodMs, int pulseMs)
        {
            if (_power == null)
            {
                return;
            }

            PowerSourceKind source = _power.Source;
            Active = enabled && standalone && (source == PowerSourceKind.PowerBank || source == PowerSourceKind.Unknown);
            if (!Active)
            {
                _nextPulseMs = -1;
                SetLoad(false);
                return;
            }

            if (_nextPulseMs < 0)
            {
                _nextPulseMs = nowMs; // at once: the bank's timer may have been running for a while
            }

            if (nowMs >= _nextPulseMs)
            {
                _pulseEndMs = nowMs + pulseMs;
                _nextPulseMs = nowMs + periodMs;
                _pulses++;
                SetLoad(true);
            }
            else if (_pulseEndMs >= 0 && nowMs >= _pulseEndMs)
            {
                _pulseEndMs = -1;
                SetLoad(false);
            }
        }

        private void SetLoad(bool on)
        {
            if (_power.KeepAliveLoadOn != on)
            {
                _power.SetKeepAliveLoad(on);
            }
        }
    }
}
