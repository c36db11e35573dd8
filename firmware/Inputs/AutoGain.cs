using System;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Firmware.Inputs
{
    /// <summary>What an auto-gain run came to (shown on the LEDs and logged).</summary>
    public enum AutoGainResult
    {
        /// <summary>Never run, or cancelled.</summary>
        None = 0,

        /// <summary>Still listening.</summary>
        Running = 1,

        /// <summary>The gain is set: the peaks heard land at the target (within the gain's steps).</summary>
        Success = 2,

        /// <summary>Even at the highest gain the peaks stay below the target; the gain is left at its highest.</summary>
        TooQuietAtMaximumGain = 3,

        /// <summary>The input clips at the lowest gain; the gain is left at its lowest.</summary>
        ClippingAtMinimumGain = 4,

        /// <summary>Nothing above the silence level at the highest gain; the gain is put back where it was.</summary>
        Silence = 5,

        /// <summary>No clipping, but at the lowest gain the peaks still lie above the target; the gain is left at its lowest.</summary>
        TooLoudAtMinimumGain = 6,

        /// <summary>The ADC delivered no frames (not clocked); the gain is put back where it was.</summary>
        NoSignalPath = 7,
    }

    /// <summary>
    /// Auto gain for one input channel: on <see cref="Start"/> it listens (the gain stays put) for
    /// <see cref="ListenMs"/>, then sets the gain so that the loudest peak heard lands at
    /// <see cref="TargetCentiDb"/>. If the input clips while listening, it lowers the gain by
    /// <see cref="ClipBackoffCentiDb"/> and listens again from the start; if the peaks call for
    /// more gain than there is, it listens once more at the highest gain to tell a quiet source
    /// from silence. Peaks are sample peaks (what the computer records) of the frames the
    /// decimated meter looks at (<see cref="PeakMeter"/>): speech's rarest crests may go unheard,
    /// and its peaks then land a little above the target (within 0.5 dB in AutoGainTests).
    /// </summary>
    public sealed class AutoGain
    {
        public const int DefaultTargetCentiDb = -1200;
        public const int DefaultListenMs = 3000;

        /// <summary>How far from the target the expected peak may land and still be a success (the gain's steps round to within half a step).</summary>
        public const int ToleranceCentiDb = 150;

        /// <summary>Time for a gain change to land before listening again (the WM8960's PGA waits for a zero crossing, up to 85 ms on silence).</summary>
        public const int SettleMs = 120;

        private readonly InputGains _gains;
        private readonly int _channel;
        private readonly string _name;
        private readonly ILog _log;
        private AutoGainResult _result;
        private bool _listening;
        private long _listenFromMs;
        private long _settleUntilMs;
        private int _peak;
        private int _listenFrames;
        private bool _raisedToMaximum;
        private int _startGain;
        private int _passes;
        private int _expectedPeak = Dbfs.FloorCentiDb;

        /// <param name="name">The input's name in the log ("input 1").</param>
        public AutoGain(InputGains gains, int channel, string name, ILog log)
        {
            if (gains == null)
            {
                throw new ArgumentNullException("gains");
            }

            _gains = gains;
            _channel = channel;
            _name = name;
            _log = log;
            TargetCentiDb = DefaultTargetCentiDb;
            ListenMs = DefaultListenMs;
            ClipBackoffCentiDb = 1200;
            SilenceCentiDb = -7000;
        }

        /// <summary>Where the loudest peak should land, in 0.01 dBFS.</summary>
        public int TargetCentiDb { get; set; }

        /// <summary>How long each listening pass lasts.</summary>
        public int ListenMs { get; set; }

        /// <summary>How far the gain drops when the input clips while listening.</summary>
        public int ClipBackoffCentiDb { get; set; }

        /// <summary>Peaks below this at the highest gain are silence (no source), in 0.01 dBFS.</summary>
        public int SilenceCentiDb { get; set; }

        public int Channel
        {
            get { return _channel; }
        }

        /// <summary>True from <see cref="Start"/> until a result is in (the clip guard should stand aside meanwhile).</summary>
        public bool Running
        {
            get { return _result == AutoGainResult.Running; }
        }

        /// <summary>The last run's result (<see cref="AutoGainResult.Running"/> while it runs).</summary>
        public AutoGainResult Result
        {
            get { return _result; }
        }

        /// <summary>Listening passes in the last run (1 when nothing clipped and the range sufficed).</summary>
        public int Passes
        {
            get { return _passes; }
        }

        /// <summary>The peak the last run expects at the gain it left (the peak heard moved by the gain change), in 0.01 dBFS.</summary>
        public int ExpectedPeakCentiDb
        {
            get { return _expectedPeak; }
        }

        /// <summary>Starts listening now at the present gain (restarts a run in progress).</summary>
        public void Start(long nowMs)
        {
            _result = AutoGainResult.Running;
            _startGain = _gains.TotalCentiDb(_channel);
            _raisedToMaximum = false;
            _passes = 0;
            _expectedPeak = Dbfs.FloorCentiDb;
            BeginPass(nowMs, nowMs);
            _log.Write(LogLevel.Info, "inputs", _name + ": auto gain listening");
        }

        /// <summary>Stops a run, leaving the gain where it is.</summary>
        public void Cancel()
        {
            if (_result == AutoGainResult.Running)
            {
                _result = AutoGainResult.None;
                _log.Write(LogLevel.Info, "inputs", _name + ": auto gain cancelled");
            }
        }

        /// <summary>
        /// Takes this tick's peaks from <paramref name="meter"/> (updated first, in the same tick).
        /// Returns true in the tick a result came in.
        /// </summary>
        public bool Update(PeakMeter meter, long nowMs)
        {
            if (_result != AutoGainResult.Running)
            {
                return false;
            }

            if (nowMs < _settleUntilMs)
            {
                return false; // frames from before the gain change landed
            }

            if (!_listening)
            {
                _listening = true;
                _listenFromMs = nowMs;
                return false; // this tick's frames straddle the settling time
            }

            if (meter.TickClipped(_channel))
            {
                return OnClip(nowMs);
            }

            int tickPeak = meter.TickPeak(_channel);
            _peak = tickPeak > _peak ? tickPeak : _peak;
            _listenFrames += meter.TickFrames;
            if (nowMs - _listenFromMs < ListenMs)
            {
                return false;
            }

            return Decide(nowMs);
        }

        private bool OnClip(long nowMs)
        {
            int gain = _gains.GainCentiDb(_channel);
            if (gain <= _gains.MinCentiDb)
            {
                _gains.SetTotal(_channel, _gains.MinCentiDb);
                return Finish(AutoGainResult.ClippingAtMinimumGain, Dbfs.FloorCentiDb);
            }

            _gains.SetTotal(_channel, _gains.StepBelow(gain - ClipBackoffCentiDb));
            BeginPass(nowMs, nowMs + SettleMs);
            return false;
        }

        private bool Decide(long nowMs)
        {
            if (_listenFrames == 0)
            {
                _gains.SetTotal(_channel, _startGain);
                return Finish(AutoGainResult.NoSignalPath, Dbfs.FloorCentiDb);
            }

            int heard = Dbfs.FromAmplitude(_peak);
            int total = _gains.TotalCentiDb(_channel);
            int needed = total + TargetCentiDb - heard;
            int max = _gains.MaxCentiDb;
            if (needed > max + ToleranceCentiDb)
            {
                if (!_raisedToMaximum && total < max)
                {
                    // too quiet here: hear it at the highest gain before giving a verdict
                    _raisedToMaximum = true;
                    _gains.SetTotal(_channel, max);
                    BeginPass(nowMs, nowMs + SettleMs);
                    return false;
                }

                if (heard < SilenceCentiDb)
                {
                    _gains.SetTotal(_channel, _startGain);
                    return Finish(AutoGainResult.Silence, heard);
                }

                return Finish(AutoGainResult.TooQuietAtMaximumGain, heard);
            }

            int set = _gains.SetTotal(_channel, needed);
            int expected = heard + set - total;
            int error = expected - TargetCentiDb;
            if (error > ToleranceCentiDb)
            {
                return Finish(AutoGainResult.TooLoudAtMinimumGain, expected); // the only way to land above: the range ends below
            }

            return Finish(AutoGainResult.Success, expected);
        }

        private void BeginPass(long nowMs, long listenFromMs)
        {
            _passes++;
            _peak = 0;
            _listenFrames = 0;
            _listening = false;
            _settleUntilMs = listenFromMs;
        }

        private bool Finish(AutoGainResult result, int expectedPeak)
        {
            _result = result;
            _expectedPeak = expectedPeak;
            _log.Write(result == AutoGainResult.Success ? LogLevel.Info : LogLevel.Warning, "inputs",
                _name + ": auto gain " + Describe(result) + ", gain " + FormatDb(_gains.TotalCentiDb(_channel)) + " dB");
            return true;
        }

        /// <summary>The result in words, for the log.</summary>
        public static string Describe(AutoGainResult result)
        {
            switch (result)
            {
                case AutoGainResult.Running: return "running";
                case AutoGainResult.Success: return "done";
                case AutoGainResult.TooQuietAtMaximumGain: return "failed: too quiet at maximum gain";
                case AutoGainResult.ClippingAtMinimumGain: return "failed: clipping at minimum gain";
                case AutoGainResult.Silence: return "failed: silence";
                case AutoGainResult.TooLoudAtMinimumGain: return "failed: too loud at minimum gain";
                case AutoGainResult.NoSignalPath: return "failed: no ADC frames";
                default: return "not run";
            }
        }

        /// <summary>0.01 dB as "+12.75" / "-3.00".</summary>
        public static string FormatDb(int centiDb)
        {
            int size = centiDb < 0 ? -centiDb : centiDb;
            int hundredths = size % 100;
            return (centiDb < 0 ? "-" : "+") + (size / 100).ToString() + "." + (hundredths < 10 ? "0" : string.Empty) + hundredths.ToString();
        }
    }
}
