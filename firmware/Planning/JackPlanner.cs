using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Firmware.Boards;
using InterfaceFirmware.Firmware.Model;

namespace InterfaceFirmware.Firmware.Planning
{
    /// <summary>
    /// Plans one jack's gain stages from its level, pure and table-driven (the chips' gain scales
    /// and the board's gain ranges): no I/O, no allocation, testable without a board.
    /// </summary>
    /// <remarks>
    /// Levels are in 0.01 dB re the DAC's full-scale output (about 1 V rms at 0 dB on the WM8960),
    /// on a 0.5 dB grid hanging from the range's maximum, so every step is reachable exactly:
    /// <list type="bullet">
    /// <item>the amplifier (TPA6130A2) holds the range's gain; it has no zero-cross detector, so it
    /// changes only while the jack is muted (a range change);</item>
    /// <item>the codec's headphone volume carries the bulk in its analogue steps (the noise floor
    /// falls with the level): the smallest step at or above what is left, up to the range's
    /// ceiling; zero-cross latched, so it moves without clicks;</item>
    /// <item>the DAC's digital volume takes the fine remainder (0 or −0.5 dB), and everything below
    /// the headphone volume's bottom (−73 dB on the WM8960).</item>
    /// </list>
    /// On a jack whose codec output volume has no zero-cross detector (ES8388 OUT1) the output
    /// volume is held and the DAC, which ramps, carries the level. The analogue monitor paths
    /// bypass the DAC: they get the nearest step to the level (plus the blend), and the targets
    /// report what that achieves. Where the codec mixes the monitor digitally ahead of its DAC (the
    /// SGTL5000's DAP), the level is planned as above for both sources and the blend goes to the
    /// mixer's two inputs.
    /// </remarks>
    public sealed class JackPlanner
    {
        /// <summary>A volume step, in 0.01 dB.</summary>
        public const int StepCentiDb = 50;

        /// <summary>Pan positions each side of the centre: −<see cref="PanSteps"/> = hard left … +<see cref="PanSteps"/> = hard right.</summary>
        public const int PanSteps = Settings.PanSteps;

        /// <summary>The far side drops this much a pan position (the cross-feed paths' own 3 dB steps).</summary>
        public const int PanStepCentiDb = 300;

        /// <summary>The range reaches at least this far down before the next step mutes.</summary>
        public const int FloorCentiDb = -8000;

        private const string ReasonZeroCross = "range on the amplifier, bulk on the zero-cross headphone volume, remainder on the DAC";
        private const string ReasonHeld = "output volume held (no zero-cross), level on the ramped DAC volume";
        private const string ReasonMonoCross = "mono: headphone volume raised for the cross paths ahead of the input gain, the DAC takes it off playback";
        private const string ReasonDigitalMixer = "range on the amplifier, bulk on the zero-cross headphone volume, remainder on the DAC; blend in the codec's digital mixer";
        private const string ReasonSilent = "silent: muted, unplugged, below the range, or not up yet";

        private readonly GainScale _amplifier;
        private readonly GainScale _headphone;
        private readonly GainScale _dac;
        private readonly GainScale _monitor;
        private readonly bool _crossFeed;
        private readonly bool _crossAhead;
        private readonly bool _digitalMixer;
        private readonly JackProfile _jack;
        private readonly int[] _rangeAmplifier;
        private readonly int[] _rangeMax;
        private readonly int[] _rangeHeadphoneCeiling;

        /// <param name="amplifier">The amplifier's taper, or null on a jack without one.</param>
        /// <param name="crossFeedAheadOfInputGain">
        /// The codec's cross-feed paths take the inputs ahead of the input gain (the WM8960's INPUT3
        /// wiring): in mono the straight paths are held to what the cross paths can match, and the
        /// headphone volume makes up the difference (the DAC then takes it back off playback).
        /// </param>
        public JackPlanner(JackProfile jack, CodecCapabilities codec, GainScale amplifier, bool crossFeedAheadOfInputGain)
        {
            _crossAhead = crossFeedAheadOfInputGain;
            _jack = jack;
            _amplifier = jack.ThroughAmplifier ? amplifier : null;
            _headphone = codec.HeadphoneVolume;
            _dac = codec.DacVolume;
            _monitor = codec.MonitorGain;
            _crossFeed = codec.MonitorCrossFeed;
            _digitalMixer = codec.MonitorInDigitalMixer;
            int ranges = jack.Ranges.Length;
            _rangeAmplifier = new int[ranges];
            _rangeMax = new int[ranges];
            _rangeHeadphoneCeiling = new int[ranges];
            for (int r = 0; r < ranges; r++)
            {
                GainRange range = jack.Ranges[r];
                int amp = _amplifier != null ? _amplifier.Quantize(range.AmplifierCentiDb) : 0;
                int ceiling;
                int max;
                if (jack.HoldHeadphoneVolume)
                {
                    ceiling = _headphone.Quantize(jack.HeadphoneHoldCentiDb);
                    max = amp + ceiling + AtOrBelow(_dac, range.MaxLevelCentiDb - amp - ceiling, 0);
                }
                else
                {
                    ceiling = AtOrBelow(_headphone, range.MaxLevelCentiDb - amp, _headphone.MaxCentiDb);
                    max = amp + ceiling;
                }

                _rangeAmplifier[r] = amp;
                _rangeHeadphoneCeiling[r] = ceiling;
                _rangeMax[r] = max;
            }
        }

        /// <summary>The codec can send an input to both ears (mono monitoring in analogue).</summary>
        public bool CanMonitorMono
        {
            get { return _crossFeed; }
        }

        /// <summary>
        /// Each input can be placed between the ears in stereo monitoring: the codec's cross paths
        /// come after the input gain, in the same steps as the straight ones (the ES8388). Through
        /// the WM8960's INPUT3 wiring the cross path only serves mono.
        /// </summary>
        public bool CanPan
        {
            get { return _crossFeed && !_crossAhead; }
        }

        /// <summary>
        /// The pan law, per ear, relative to the monitor's level (0.01 dB; <see cref="GainScale.Muted"/>
        /// = that path off) for an input at <paramref name="pan"/> (−<see cref="PanSteps"/> … +<see cref="PanSteps"/>).
        /// Centre: both ears −3 dB (equal power, as mono). k positions to one side: the near ear at
        /// the level, the far ear 3 + 3·k dB down, off at the end. The summed power stays within
        /// +1 dB of the centre's (+0.97, +0.51, +0.26, +0.13, 0 dB at k = 1…5), and the louder ear is
        /// never above the level.
        /// </summary>
        public static int PanOffset(int pan, bool left)
        {
            if (pan < -PanSteps)
            {
                pan = -PanSteps;
            }
            else if (pan > PanSteps)
            {
                pan = PanSteps;
            }

            if (pan == 0)
            {
                return -PanStepCentiDb;
            }

            bool nearLeft = pan < 0;
            int k = pan < 0 ? -pan : pan;
            if (nearLeft == left)
            {
                return 0;
            }

            return k == PanSteps ? GainScale.Muted : -PanStepCentiDb * (k + 1);
        }

        /// <summary>The loudest level of a range (0.01 dB), on the chips' grid.</summary>
        public int MaxLevel(HeadphoneRange range)
        {
            return _rangeMax[(int)range];
        }

        /// <summary>The quietest level above mute: the first grid step at or below <see cref="FloorCentiDb"/>.</summary>
        public int MinLevel(HeadphoneRange range)
        {
            int max = _rangeMax[(int)range];
            int steps = (max - FloorCentiDb + StepCentiDb - 1) / StepCentiDb;
            return max - steps * StepCentiDb;
        }

        /// <summary>
        /// <paramref name="level"/> moved onto the range's grid, never louder (rounded down), and
        /// clamped to the range and to <paramref name="userMax"/> (<see cref="GainScale.Muted"/>: none).
        /// </summary>
        public int Snap(int level, HeadphoneRange range, int userMax)
        {
            int max = Ceiling(range, userMax);
            int min = MinLevel(range);
            if (level >= max)
            {
                return max;
            }

            if (level <= min)
            {
                return min;
            }

            int below = (max - level + StepCentiDb - 1) / StepCentiDb;
            return max - below * StepCentiDb;
        }

        /// <summary>The highest level allowed: the range's maximum or the user's, whichever is lower (on the grid).</summary>
        public int Ceiling(HeadphoneRange range, int userMax)
        {
            int max = _rangeMax[(int)range];
            if (userMax == GainScale.Muted || userMax >= max)
            {
                return max;
            }

            int min = MinLevel(range);
            if (userMax <= min)
            {
                return min;
            }

            int below = (max - userMax + StepCentiDb - 1) / StepCentiDb;
            return max - below * StepCentiDb;
        }

        /// <summary>
        /// Fills <paramref name="into"/> with every stage's target for <paramref name="level"/> in
        /// <paramref name="range"/>: playback offset by <paramref name="playbackOffset"/> and the
        /// monitor by <paramref name="monitorOffset"/> (the blend; 0 = at the level,
        /// <see cref="GainScale.Muted"/> = off), monitored as <paramref name="mode"/>.
        /// </summary>
        /// <param name="inputGain">The input gain in force (0.01 dB): what a cross path ahead of it lacks.</param>
        /// <param name="pan1">Input 1's place in stereo monitoring (see <see cref="PanOffset"/>); used where <see cref="CanPan"/>.</param>
        /// <param name="pan2">Input 2's place.</param>
        public void Plan(int level, HeadphoneRange range, bool silent, MonitorMode mode, int playbackOffset, int monitorOffset, int inputGain, int pan1, int pan2, JackTargets into)
        {
            into.Generation++;
            int r = (int)range;
            int amp = _rangeAmplifier[r];
            int headphone;
            int straightLimit = int.MaxValue;
            if (_jack.HoldHeadphoneVolume)
            {
                headphone = _rangeHeadphoneCeiling[r];
                into.Reason = ReasonHeld;
            }
            else
            {
                headphone = AtOrAbove(_headphone, level - amp, _rangeHeadphoneCeiling[r]);
                into.Reason = ReasonZeroCross;
                if (mode == MonitorMode.Mono && _crossFeed && _crossAhead && monitorOffset != GainScale.Muted && inputGain > _monitor.MaxCentiDb)
                {
                    // The cross path cannot give the inputs their gain: hold the straight paths to
                    // the same, and raise the headphone volume (as far as the range allows) by the
                    // difference; the DAC takes it back off playback.
                    straightLimit = _monitor.MaxCentiDb - inputGain;
                    int want = level + monitorOffset - amp - headphone - 300;
                    if (want > straightLimit)
                    {
                        // No higher than keeps the paths' lowest step within the level (at the
                        // bottom of a range the raise would otherwise lift the monitor above it).
                        int raised = AtOrAbove(_headphone, headphone + want - straightLimit, _rangeHeadphoneCeiling[r]);
                        int pathFloorCap = level + monitorOffset - 300 - amp - _monitor.MinCentiDb;
                        if (raised > pathFloorCap)
                        {
                            raised = AtOrBelow(_headphone, pathFloorCap, _rangeHeadphoneCeiling[r]);
                        }

                        if (raised > headphone)
                        {
                            headphone = raised;
                            into.Reason = ReasonMonoCross;
                        }
                    }
                }
            }

            if (_digitalMixer)
            {
                PlanDigitalMixer(level, amp, headphone, mode, playbackOffset, monitorOffset, into);
                into.Silent = silent;
                if (silent)
                {
                    into.Reason = ReasonSilent;
                }

                return;
            }

            int dac = playbackOffset == GainScale.Muted ? GainScale.Muted : AtOrBelow(_dac, level + playbackOffset - amp - headphone, 0);
            into.LevelCentiDb = level;
            into.AmplifierCentiDb = amp;
            into.HeadphoneCentiDb = headphone;
            into.DacCentiDb = dac;
            into.PlaybackCentiDb = dac == GainScale.Muted ? GainScale.Muted : amp + headphone + dac;
            into.Silent = silent;
            if (silent)
            {
                into.Reason = ReasonSilent;
            }

            PlanMonitor(level, mode, monitorOffset, amp, headphone, straightLimit, into);
            if (mode == MonitorMode.Stereo && CanPan && into.MonitorLevelCentiDb != GainScale.Muted && (pan1 != -PanSteps || pan2 != PanSteps))
            {
                PlanPan(level + monitorOffset - amp - headphone, pan1, pan2, into);
            }
        }

        // The monitor mixed digitally ahead of the DAC (the SGTL5000's DAP mixer): the level on the
        // amplifier, the output and the DAC for both sources alike, the blend on the mixer's two
        // inputs (playback and the ADC), each 0 dB at most, so the blend never raises the level.
        // Stereo only (one gain serves both sides, no cross paths).
        private void PlanDigitalMixer(int level, int amp, int headphone, MonitorMode mode, int playbackOffset, int monitorOffset, JackTargets into)
        {
            int dac = AtOrBelow(_dac, level - amp - headphone, 0);
            into.LevelCentiDb = level;
            into.AmplifierCentiDb = amp;
            into.HeadphoneCentiDb = headphone;
            into.DacCentiDb = dac;
            into.MonitorMode = mode == MonitorMode.Off ? MonitorMode.Off : MonitorMode.Stereo;
            MonitorGains gains = MonitorGains.Off();
            gains.Playback = playbackOffset == GainScale.Muted ? GainScale.Muted : AtOrBelow(_monitor, playbackOffset, 0);
            into.PlaybackCentiDb = gains.Playback == GainScale.Muted ? GainScale.Muted : amp + headphone + dac + gains.Playback;
            into.MonitorLevelCentiDb = GainScale.Muted;
            if (into.MonitorMode != MonitorMode.Off && monitorOffset != GainScale.Muted)
            {
                int path = AtOrBelow(_monitor, monitorOffset, 0);
                gains.LeftToLeft = path;
                gains.RightToRight = path;
                into.MonitorLevelCentiDb = amp + headphone + dac + path;
            }

            into.Monitor = gains;
            into.Reason = ReasonDigitalMixer;
        }

        // Stereo monitoring with the inputs placed by the pan law; the monitor level reported is
        // the loudest path's.
        private void PlanPan(int want, int pan1, int pan2, JackTargets into)
        {
            MonitorGains gains = into.Monitor;
            gains.LeftToLeft = PanPath(want, pan1, true);
            gains.LeftToRight = PanPath(want, pan1, false);
            gains.RightToLeft = PanPath(want, pan2, true);
            gains.RightToRight = PanPath(want, pan2, false);
            int loudest = gains.LeftToLeft;
            loudest = gains.LeftToRight > loudest ? gains.LeftToRight : loudest;
            loudest = gains.RightToLeft > loudest ? gains.RightToLeft : loudest;
            loudest = gains.RightToRight > loudest ? gains.RightToRight : loudest;
            into.MonitorLevelCentiDb = into.AmplifierCentiDb + into.HeadphoneCentiDb + loudest;
            into.Monitor = gains;
        }

        private int PanPath(int want, int pan, bool left)
        {
            int offset = PanOffset(pan, left);
            return offset == GainScale.Muted ? GainScale.Muted : _monitor.Quantize(want + offset);
        }

        private void PlanMonitor(int level, MonitorMode mode, int monitorOffset, int amp, int headphone, int straightLimit, JackTargets into)
        {
            if (mode == MonitorMode.Mono && !_crossFeed)
            {
                mode = MonitorMode.Stereo; // no analogue cross-feed on this codec: mono is not offered
            }

            into.MonitorMode = mode;
            MonitorGains gains = MonitorGains.Off();
            into.MonitorLevelCentiDb = GainScale.Muted;
            if (mode != MonitorMode.Off && monitorOffset != GainScale.Muted)
            {
                int want = level + monitorOffset - amp - headphone;
                if (mode == MonitorMode.Mono)
                {
                    want -= 300; // each input in both ears, 3 dB down in each: equally loud, centred
                }

                // The nearest step, at worst the path's lowest: switching a live path off would
                // click, so only the monitor mode switches paths (with the jack muted around it).
                if (want > straightLimit)
                {
                    want = straightLimit; // mono through a cross path ahead of the input gain: no more than it can match
                }

                int path = _monitor.Quantize(want);
                if (path > straightLimit)
                {
                    path = AtOrBelow(_monitor, straightLimit, straightLimit);
                }
                gains.LeftToLeft = path;
                gains.RightToRight = path;
                if (mode == MonitorMode.Mono)
                {
                    gains.LeftToRight = path;
                    gains.RightToLeft = path;
                }

                into.MonitorLevelCentiDb = amp + headphone + path;
            }

            into.Monitor = gains;
        }

        /// <summary>The smallest gain of <paramref name="scale"/> at or above <paramref name="want"/>, at most <paramref name="ceiling"/>.</summary>
        public static int AtOrAbove(GainScale scale, int want, int ceiling)
        {
            if (scale.Uniform)
            {
                int above = scale.AtOrAboveInField(want); // closed form: no rounding round trips
                return above > ceiling ? scale.AtOrBelowInField(ceiling) : above;
            }

            int q = scale.Quantize(want);
            if (q < want)
            {
                int up = scale.Quantize(want + StepOf(scale));
                if (up > q)
                {
                    q = up;
                }
            }

            return q > ceiling ? AtOrBelow(scale, ceiling, ceiling) : q;
        }

        /// <summary>The largest gain of <paramref name="scale"/> at or below <paramref name="want"/> (and <paramref name="ceiling"/>); its lowest gain if none is.</summary>
        public static int AtOrBelow(GainScale scale, int want, int ceiling)
        {
            if (want > ceiling)
            {
                want = ceiling;
            }

            if (scale.Uniform)
            {
                return scale.AtOrBelowInField(want);
            }

            int q = scale.Quantize(want);
            if (q > want)
            {
                int down = scale.Quantize(want - StepOf(scale));
                if (down < q)
                {
                    q = down;
                }
            }

            return q;
        }

        private static int StepOf(GainScale scale)
        {
            int step = scale.StepCentiDb;
            return step > 0 ? step : StepCentiDb;
        }
    }
}
