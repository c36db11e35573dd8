using System;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Firmware.Inputs
{
    /// <summary>
    /// The inputs of the codec that feeds the ADC tap, in one piece for the control loop: the
    /// meters, the input gains, auto gain per input and the clip guard, updated in that order by
    /// one call per tick. Channel 0 is the codec's left ADC channel, 1 its right.
    /// </summary>
    public sealed class InputSection
    {
        private readonly PeakMeter _meter;
        private readonly InputGains _gains;
        private readonly AutoGain[] _autoGain = new AutoGain[PeakMeter.Channels];
        private readonly ClipGuard _clipGuard;

        /// <param name="tap">The ADC tap of <paramref name="codec"/>.</param>
        /// <param name="initialGainCentiDb">The input gain to set on both channels now (the board's default).</param>
        /// <param name="names">The inputs' names for the log, left channel first.</param>
        public InputSection(IAdcTap tap, IAudioCodec codec, int initialGainCentiDb, string[] names, ILog log)
        {
            if (names == null || names.Length != PeakMeter.Channels)
            {
                throw new ArgumentException("two input names", "names");
            }

            _meter = new PeakMeter(tap);
            _gains = new InputGains(codec, initialGainCentiDb);
            for (int c = 0; c < PeakMeter.Channels; c++)
            {
                _autoGain[c] = new AutoGain(_gains, c, names[c], log);
            }

            _clipGuard = new ClipGuard(_gains, names, log);
        }

        public PeakMeter Meter
        {
            get { return _meter; }
        }

        public InputGains Gains
        {
            get { return _gains; }
        }

        public ClipGuard ClipGuard
        {
            get { return _clipGuard; }
        }

        public AutoGain AutoGain(int channel)
        {
            return _autoGain[channel];
        }

        /// <summary>Starts auto gain on a channel (the clip guard stands aside for it until it is done).</summary>
        public void StartAutoGain(int channel, long nowMs)
        {
            _autoGain[channel].Start(nowMs);
            _clipGuard.SetPaused(channel, true);
        }

        /// <summary>
        /// One control-loop tick: reads the tap, advances auto gain, lets the clip guard act.
        /// Returns the channels whose auto gain finished in this tick (bit 0 left, bit 1 right).
        /// </summary>
        public int Tick(long nowMs)
        {
            _meter.Update(nowMs);
            int finished = 0;
            for (int c = 0; c < PeakMeter.Channels; c++)
            {
                if (_autoGain[c].Update(_meter, nowMs))
                {
                    finished |= 1 << c;
                }

                _clipGuard.SetPaused(c, _autoGain[c].Running);
            }

            _clipGuard.Update(_meter, nowMs);
            return finished;
        }
    }
}
