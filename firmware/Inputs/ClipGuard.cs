using System;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Firmware.Inputs
{
    /// <summary>
    /// Clip guard, per input channel and optional (<see cref="SetEnabled"/>, a setting): in the tick
    /// that reads a clipped sample it lowers that channel's input gain by <see cref="StepCentiDb"/>
    /// (to the codec's nearest step at or below); while the input keeps clipping it takes another
    /// step every <see cref="HoldOffMs"/>. It never raises the gain again: that is the user's (or
    /// auto gain's) call.
    /// </summary>
    /// <remarks>
    /// Reaction time: the meter looks at a comb of each tick's frames (<see cref="PeakMeter"/>), so
    /// a clip is acted on in the first tick where a look falls on a clipped sample, and the codec
    /// call goes out in that same tick. A source clipping for two ticks' frames or more is always
    /// caught within them (plus one I2S/DMA block); one clipping only on its crests is caught in
    /// each tick with the chance that a look meets a clipped crest (a 200 Hz sine 7 dB over: within
    /// two ticks in the tests; a 1 ms clip is seen 94–96 % of the time); a single short clip may be missed. The new gain
    /// then lands at once on the ES8388's PGA and at the next zero crossing of the input on the
    /// WM8960's (its PGA latches there). The hold-off covers that latch and the frames already on
    /// their way, so one clip costs one step.
    /// </remarks>
    public sealed class ClipGuard
    {
        public const int DefaultStepCentiDb = 300;

        /// <summary>Between two steps of one channel: long enough for the last step to land (a zero crossing of a signal above 25 Hz).</summary>
        public const int HoldOffMs = 20;

        private readonly InputGains _gains;
        private readonly string[] _names;
        private readonly ILog _log;
        private readonly bool[] _enabled = new bool[PeakMeter.Channels];
        private readonly bool[] _paused = new bool[PeakMeter.Channels];
        private readonly long[] _nextStepMs = new long[PeakMeter.Channels];
        private readonly int[] _steps = new int[PeakMeter.Channels];
        private readonly long[] _lastStepMs = new long[PeakMeter.Channels];
        private readonly bool[] _atMinimumLogged = new bool[PeakMeter.Channels];

        /// <param name="names">The inputs' names in the log, left channel first.</param>
        public ClipGuard(InputGains gains, string[] names, ILog log)
        {
            if (gains == null)
            {
                throw new ArgumentNullException("gains");
            }

            _gains = gains;
            _names = names;
            _log = log;
            StepCentiDb = DefaultStepCentiDb;
            for (int c = 0; c < PeakMeter.Channels; c++)
            {
                _lastStepMs[c] = -1;
            }
        }

        /// <summary>How far one step lowers the gain.</summary>
        public int StepCentiDb { get; set; }

        public bool Enabled(int channel)
        {
            return _enabled[channel];
        }

        public void SetEnabled(int channel, bool enabled)
        {
            _enabled[channel] = enabled;
            _atMinimumLogged[channel] = false;
        }

        /// <summary>Stands aside for a channel (while auto gain runs on it: it handles clipping itself).</summary>
        public void SetPaused(int channel, bool paused)
        {
            _paused[channel] = paused;
        }

        /// <summary>Steps the guard took on a channel since start-up.</summary>
        public int Steps(int channel)
        {
            return _steps[channel];
        }

        /// <summary>When the last step on a channel went out (-1: never).</summary>
        public long LastStepMs(int channel)
        {
            return _lastStepMs[channel];
        }

        /// <summary>Acts on this tick's clips from <paramref name="meter"/> (updated first, in the same tick).</summary>
        public void Update(PeakMeter meter, long nowMs)
        {
            for (int c = 0; c < PeakMeter.Channels; c++)
            {
                if (!_enabled[c] || _paused[c] || !meter.TickClipped(c) || nowMs < _nextStepMs[c])
                {
                    continue;
                }

                if (!_gains.StepDown(c, StepCentiDb))
                {
                    if (!_atMinimumLogged[c])
                    {
                        _atMinimumLogged[c] = true;
                        _log.Write(LogLevel.Warning, "inputs", _names[c] + " clips at its lowest gain");
                    }

                    continue;
                }

                _steps[c]++;
                _lastStepMs[c] = nowMs;
                _nextStepMs[c] = nowMs + HoldOffMs;
                _log.Write(LogLevel.Info, "inputs", _names[c] + " clipped: gain lowered to " + AutoGain.FormatDb(_gains.GainCentiDb(c)) + " dB");
            }
        }
    }
}
