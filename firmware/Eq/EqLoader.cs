using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Drivers.Sgtl5000;

namespace InterfaceFirmware.Firmware.Eq
{
    /// <summary>
    /// Puts an <see cref="EqPlan"/> into the SGTL5000 without a click: while the codec plays, the
    /// outputs go down through the driver's soft mute (the DAC's volume ramp, then MUTE_HP /
    /// MUTE_LO), the biquads are written and the PEQ switched to the plan's band count, and the
    /// outputs come back if they were open. The chip applies each biquad at its strobe, one at a
    /// time: written under sound, the filters' states would meet coefficients they were not built
    /// with (and half-loaded cascades play for a few milliseconds).
    /// </summary>
    /// <remarks>
    /// Playback runs through the DAP from the first load on (switched while muted). The loader
    /// takes the codec's mute for the duration of a load and gives it back open: the caller must
    /// not change the mute while <see cref="Busy"/> (and should not start a load while it has the
    /// outputs muted for another reason: then the load writes at once, silently).
    /// </remarks>
    public sealed class EqLoader
    {
        private enum Phase
        {
            Idle,
            Fading,
            Returning,
        }

        private readonly Sgtl5000Codec _codec;
        private readonly int[][] _pending = NewPending();
        private int _pendingCount;
        private Phase _phase;

        public EqLoader(Sgtl5000Codec codec)
        {
            _codec = codec;
            FadeAroundWrites = true;
        }

        /// <summary>Mute around the writes while the codec plays (true); false writes under sound (for measurement).</summary>
        public bool FadeAroundWrites { get; set; }

        /// <summary>A load is in progress (outputs muted or coming back).</summary>
        public bool Busy
        {
            get { return _phase != Phase.Idle; }
        }

        /// <summary>Loads completed since construction.</summary>
        public int Loads { get; private set; }

        /// <summary>
        /// Starts loading <paramref name="plan"/> (its coefficients are copied now). Written at
        /// once if the codec is not playing (not On, or already muted); otherwise over ticks.
        /// A new load while one is in progress replaces it.
        /// </summary>
        public DriverStatus Load(EqPlan plan, long nowMs)
        {
            _pendingCount = plan.BandCount;
            for (int k = 0; k < EqPlan.Biquads; k++)
            {
                for (int i = 0; i < 5; i++)
                {
                    _pending[k][i] = plan.Coefficient(k, i);
                }
            }

            if (_phase == Phase.Fading)
            {
                return _codec.Status; // the outputs are on their way down: written when they are
            }

            bool playing = _codec.PowerState == CodecPowerState.On && !_codec.Muted;
            if (!playing || !FadeAroundWrites)
            {
                WritePending();
                _phase = _phase == Phase.Returning ? Phase.Returning : Phase.Idle;
                return _codec.Status;
            }

            _codec.SetMuted(true, nowMs);
            _phase = Phase.Fading;
            return _codec.Status;
        }

        /// <summary>
        /// Drops a load in progress without touching the codec (it failed or lost its registers:
        /// whoever recovers it owns the mute again, and loads again).
        /// </summary>
        public void Abandon()
        {
            _phase = Phase.Idle;
        }

        /// <summary>Call every control tick (after the codec's own Tick).</summary>
        public void Tick(long nowMs)
        {
            switch (_phase)
            {
                case Phase.Fading:
                    if (_codec.MuteSettled(nowMs) || _codec.PowerState != CodecPowerState.On)
                    {
                        WritePending();
                        if (_codec.PowerState == CodecPowerState.On)
                        {
                            _codec.SetMuted(false, nowMs);
                            _phase = Phase.Returning;
                        }
                        else
                        {
                            _phase = Phase.Idle;
                        }
                    }

                    break;
                case Phase.Returning:
                    if (_codec.MuteSettled(nowMs) || _codec.PowerState != CodecPowerState.On)
                    {
                        _phase = Phase.Idle;
                    }

                    break;
            }
        }

        private void WritePending()
        {
            for (int k = 0; k < _pendingCount; k++)
            {
                int[] q = _pending[k];
                _codec.WriteBiquad(k, q[0], q[1], q[2], q[3], q[4]);
            }

            _codec.RouteThroughDap(true);
            _codec.SetParametricEq(_pendingCount);
            Loads++;
        }

        private static int[][] NewPending()
        {
            var pending = new int[EqPlan.Biquads][];
            for (int i = 0; i < pending.Length; i++)
            {
                pending[i] = new int[5];
            }

            return pending;
        }
    }
}
