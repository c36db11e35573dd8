using System;
using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Codec;

namespace InterfaceFirmware.Firmware.Inputs
{
    /// <summary>
    /// The input gain of one codec's two channels as the firmware holds it: the codec sets both
    /// sides in one call, so whoever changes one channel (buttons, auto gain, the clip guard)
    /// goes through here and the other side keeps its gain. Gains land on the codec's own steps
    /// (its <see cref="CodecCapabilities.InputGain"/> scale).
    /// </summary>
    /// <remarks>
    /// A chip whose input steps are coarse (the ES8388's mic PGA: 3 dB) also gets a digital trim
    /// from its ADC volume (0.5 dB steps, never above 0 dB), so auto gain can land within a
    /// fraction of a dB; the trim is only attenuation after the ADC, so it neither adds noise nor
    /// moves the clip point. Chips with fine steps (the WM8960: 0.75 dB) leave the ADC volume alone.
    /// </remarks>
    public sealed class InputGains
    {
        /// <summary>Input steps coarser than this get the ADC volume as a trim.</summary>
        public const int TrimAboveStepCentiDb = 100;

        private readonly IAudioCodec _codec;
        private readonly GainScale _scale;
        private readonly GainScale _trimScale;
        private readonly int[] _gain = new int[2];
        private readonly int[] _trim = new int[2];
        private int _writes;

        /// <summary>Takes over the codec's input gain at <paramref name="initialCentiDb"/> on both channels (written now) and the trim at 0 dB.</summary>
        public InputGains(IAudioCodec codec, int initialCentiDb)
        {
            if (codec == null)
            {
                throw new ArgumentNullException("codec");
            }

            _codec = codec;
            _scale = codec.Capabilities.InputGain;
            _trimScale = LargestStep(_scale) > TrimAboveStepCentiDb ? codec.Capabilities.AdcVolume : null;
            StereoGain set = codec.SetInputGain(StereoGain.Both(initialCentiDb));
            _gain[0] = set.Left;
            _gain[1] = set.Right;
            _writes++;
            if (_trimScale != null)
            {
                StereoGain trim = codec.SetAdcVolume(StereoGain.Both(0));
                _trim[0] = trim.Left;
                _trim[1] = trim.Right;
                _writes++;
            }
        }

        public IAudioCodec Codec
        {
            get { return _codec; }
        }

        /// <summary>The analogue input gain's scale (the codec's steps).</summary>
        public GainScale Scale
        {
            get { return _scale; }
        }

        /// <summary>True when the ADC volume trims the level (coarse input steps).</summary>
        public bool HasTrim
        {
            get { return _trimScale != null; }
        }

        public int MinCentiDb
        {
            get { return _scale.MinCentiDb; }
        }

        public int MaxCentiDb
        {
            get { return _scale.MaxCentiDb; }
        }

        /// <summary>Calls into the codec (each sets both channels) since construction.</summary>
        public int CodecCalls
        {
            get { return _writes; }
        }

        /// <summary>The analogue input gain of a channel (0 left, 1 right), in 0.01 dB.</summary>
        public int GainCentiDb(int channel)
        {
            return _gain[channel];
        }

        /// <summary>The digital trim of a channel (0 without trim), in 0.01 dB.</summary>
        public int TrimCentiDb(int channel)
        {
            return _trim[channel];
        }

        /// <summary>Analogue gain plus trim: the gain from the input to what the computer records.</summary>
        public int TotalCentiDb(int channel)
        {
            return _gain[channel] + _trim[channel];
        }

        /// <summary>Sets a channel's analogue gain to the step nearest <paramref name="centiDb"/> (the trim stays); returns what was set.</summary>
        public int SetGain(int channel, int centiDb)
        {
            WriteGain(channel, _scale.Quantize(centiDb));
            return _gain[channel];
        }

        /// <summary>
        /// Sets a channel to a total gain: without trim the nearest analogue step; with trim the
        /// lowest analogue step at or above the request (or the top one), the trim taking off the
        /// rest. Returns the total set.
        /// </summary>
        public int SetTotal(int channel, int centiDb)
        {
            if (_trimScale == null)
            {
                return SetGain(channel, centiDb);
            }

            int code = _scale.CodeFor(centiDb);
            int gain = _scale.CentiDbFor(code);
            if (gain < centiDb && code < _scale.MaxCode)
            {
                gain = _scale.CentiDbFor(code + 1);
            }

            WriteGain(channel, gain);
            int trim = centiDb - _gain[channel];
            WriteTrim(channel, _trimScale.Quantize(trim > 0 ? 0 : trim));
            return TotalCentiDb(channel);
        }

        /// <summary>
        /// Lowers a channel's analogue gain to the highest step at least <paramref name="byCentiDb"/>
        /// below it (one step at least). Returns false, changing nothing, at the lowest step.
        /// </summary>
        public bool StepDown(int channel, int byCentiDb)
        {
            int current = _gain[channel];
            if (current <= _scale.MinCentiDb)
            {
                return false;
            }

            WriteGain(channel, StepBelow(current - byCentiDb));
            return true;
        }

        /// <summary>The highest step at or below <paramref name="centiDb"/> (the lowest step if none is).</summary>
        public int StepBelow(int centiDb)
        {
            int code = _scale.CodeFor(centiDb);
            int gain = _scale.CentiDbFor(code);
            while (gain > centiDb && code > _scale.MinCode)
            {
                int lower = _scale.CentiDbFor(code - 1);
                if (lower == GainScale.Muted)
                {
                    break;
                }

                code--;
                gain = lower;
            }

            return gain;
        }

        private void WriteGain(int channel, int centiDb)
        {
            if (_gain[channel] != centiDb)
            {
                Store(_gain, _codec.SetInputGain(PairWith(_gain, channel, centiDb)));
            }
        }

        private void WriteTrim(int channel, int centiDb)
        {
            if (_trim[channel] != centiDb)
            {
                Store(_trim, _codec.SetAdcVolume(PairWith(_trim, channel, centiDb)));
            }
        }

        // The pair as held, with one channel changed: the codec sets both sides in one call.
        private static StereoGain PairWith(int[] held, int channel, int centiDb)
        {
            return new StereoGain(channel == 0 ? centiDb : held[0], channel == 1 ? centiDb : held[1]);
        }

        private void Store(int[] held, StereoGain set)
        {
            held[0] = set.Left;
            held[1] = set.Right;
            _writes++;
        }

        // The widest gap between neighbouring gain steps (a mute code in the range is skipped).
        private static int LargestStep(GainScale scale)
        {
            int largest = 0;
            int previous = GainScale.Muted;
            for (int code = scale.MinCode; code <= scale.MaxCode; code++)
            {
                int gain = scale.CentiDbFor(code);
                if (gain == GainScale.Muted)
                {
                    continue;
                }

                if (previous != GainScale.Muted)
                {
                    int gap = gain > previous ? gain - previous : previous - gain;
                    largest = gap > largest ? gap : largest;
                }

                previous = gain;
            }

            return largest;
        }
    }
}
