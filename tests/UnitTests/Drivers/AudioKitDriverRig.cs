using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Drivers.Es8388;
using InterfaceFirmware.Emulator;
using nanoFramework.TestFramework;
using static InterfaceFirmware.UnitTests.Drivers.DriverTestHelpers;

namespace InterfaceFirmware.UnitTests.Drivers
{
    /// <summary>
    /// The AI-Thinker Audio Kit (<see cref="BoardDescription.AudioKit"/>: ES8388 at 0x10,
    /// line-left/right on LIN2/RIN2, mics on LIN1/RIN1, OUT1 through 220 µF into the 32 Ω "main"
    /// jack with its pop detectors, the ADC into the ADC tap) on a <see cref="VirtualBoard"/>, with
    /// the ESP32 as I2S master (MCLK = 256·fs, and what it plays: <see cref="Play"/>) and the ES8388
    /// driver on the bus, ticked every <see cref="DriverTestHelpers.TickMs"/> as the control loop would.
    /// </summary>
    internal sealed class AudioKitDriverRig
    {
        public readonly VirtualBoard Board;
        public readonly Es8388Codec Codec;

        private readonly int[] _capture = new int[2 * 4096];
        private int _captureFrames;
        private long _recordFrom = -1;

        /// <summary>Powers the board, starts the ESP32's 48 kHz clocks, boots for <paramref name="bootMs"/> and starts the driver.</summary>
        public AudioKitDriverRig(int bootMs)
            : this(bootMs, false)
        {
        }

        /// <param name="takeCharge">The driver takes charge of the chip (<see cref="Es8388Codec.TakeCharge"/>, heading for Standby) instead of starting it.</param>
        public AudioKitDriverRig(int bootMs, bool takeCharge)
        {
            Board = new VirtualBoard(BoardDescription.AudioKit(), 21);
            SetEspClock(48000);
            Board.RunMs(bootMs);
            Board.Bus.LogEnabled = true;
            Codec = new Es8388Codec(Board.Bus, Board.Description.CodecAddress, Board.Log);
            Assert.AreEqual((int)DriverStatus.Ok, (int)(takeCharge ? Codec.TakeCharge(Now) : Codec.Start(Now)));
        }

        /// <summary>A board that booted for 100 ms before the driver started.</summary>
        public AudioKitDriverRig()
            : this(100)
        {
        }

        public long Now
        {
            get { return Board.Clock.NowMs; }
        }

        /// <summary>The ESP32 as I2S master: MCLK = 256·fs and LRCK = fs at the codec's pins (0: stopped).</summary>
        public void SetEspClock(int sampleRate)
        {
            if (sampleRate == 0)
            {
                Board.CodecClock.Stop();
            }
            else
            {
                Assert.IsTrue(Board.CodecClock.Start(sampleRate, 256));
            }
        }

        /// <summary>Puts a signal on an input by its name in the board description.</summary>
        public void SetInput(string name, SignalSource source)
        {
            Board.SetInput(name, source);
        }

        /// <summary>What the ESP32 sends to the DAC.</summary>
        public void Play(SignalSource left, SignalSource right)
        {
            Board.CodecClock.PlaybackLeft = left;
            Board.CodecClock.PlaybackRight = right;
        }

        /// <summary>A 1 kHz sine of <paramref name="dbfs"/> (peak re full scale) at <paramref name="phase"/> radians at sample 0.</summary>
        public static SineSource Sine(double dbfs, double phase)
        {
            return new SineSource(1000, Decibels.ToLinear(dbfs), phase);
        }

        public void PlaySine(double dbfs)
        {
            Play(Sine(dbfs, 0), Sine(dbfs, 0));
        }

        /// <summary>Runs the board for <paramref name="ms"/>, ticking the driver.</summary>
        public void Run(int ms)
        {
            for (int elapsed = 0; elapsed < ms; elapsed += TickMs)
            {
                Codec.Tick(Now);
                Board.Clock.AdvanceMs(TickMs);
            }
        }

        /// <summary>Ticks until the driver is idle; fails the test if that takes longer than <paramref name="limitMs"/>.</summary>
        public int RunUntilIdle(int limitMs)
        {
            int elapsed = 0;
            while (Codec.Busy)
            {
                Assert.IsTrue(elapsed < limitMs, "the codec driver is still busy after " + limitMs.ToString() + " ms");
                Run(TickMs);
                elapsed += TickMs;
            }

            return elapsed;
        }

        /// <summary>Clocks for 48 kHz from the ESP32's 12.288 MHz MCLK, then On, settled.</summary>
        public int PowerUp()
        {
            Assert.AreEqual((int)DriverStatus.Ok, (int)Codec.ConfigureClocks(48000, 12288000));
            Assert.AreEqual((int)DriverStatus.Ok, (int)Codec.RequestPowerState(CodecPowerState.On, Now));
            int ms = RunUntilIdle(5000);
            Assert.AreEqual((int)CodecPowerState.On, (int)Codec.PowerState);
            return ms;
        }

        public int PowerDown()
        {
            Assert.AreEqual((int)DriverStatus.Ok, (int)Codec.RequestPowerState(CodecPowerState.Off, Now));
            int ms = RunUntilIdle(5000);
            Assert.AreEqual((int)CodecPowerState.Off, (int)Codec.PowerState);
            return ms;
        }

        /// <summary>Starts recording the main jack from now on.</summary>
        public void StartRecording()
        {
            Board.MainJack.Record(true);
            _recordFrom = Board.Audio.NextSample;
        }

        /// <summary>Pop events at or after <paramref name="sinceUs"/>.</summary>
        public int Pops(long sinceUs)
        {
            int count = 0;
            foreach (PopEvent e in Board.PopEvents)
            {
                if (e.TimeUs >= sinceUs)
                {
                    count++;
                }
            }

            return count;
        }

        public string DescribePops()
        {
            string text = string.Empty;
            for (int i = 0; i < Board.PopEvents.Count; i++)
            {
                text += Board.PopEvents[i].ToString() + "\n";
            }

            return text;
        }

        /// <summary>The capture's 1 kHz level (dBFS) over the newest <paramref name="frames"/> frames the ADC tap delivered.</summary>
        public double CaptureLevelDb(bool left, int frames)
        {
            if (Board.AdcTap.AvailableFrames >= frames)
            {
                _captureFrames = Board.AdcTap.ReadFrames(_capture, 0, 4096);
            }

            return DriverTestHelpers.CaptureLevelDb(_capture, _captureFrames, left, frames);
        }

        /// <summary>The 1 kHz tone's level (dB re full scale) at the main jack over the last <paramref name="ms"/>.</summary>
        public double LevelDb(bool left, int ms)
        {
            return DriverTestHelpers.JackLevelDb(Board, _recordFrom, Board.MainJack, left, ms);
        }

        /// <summary>Index of the next bus log entry (to look at what a call wrote).</summary>
        public int LogMark
        {
            get { return Board.Bus.Log.Count; }
        }

        /// <summary>The codec writes since <paramref name="mark"/>, decoded as register · 0x1000 + value.</summary>
        public int[] CodecWritesSinceMark(int mark)
        {
            var writes = new int[CodecWritesSince(mark)];
            int n = 0;
            for (int i = mark; i < Board.Bus.Log.Count; i++)
            {
                var t = (I2cTransaction)Board.Bus.Log[i];
                if (IsCodecWrite(t))
                {
                    writes[n++] = t.Written[0] * 0x1000 + t.Written[1];
                }
            }

            return writes;
        }

        /// <summary>Register writes to the codec at or after <paramref name="fromIndex"/> in the bus log (reads are not counted).</summary>
        public int CodecWritesSince(int fromIndex)
        {
            int count = 0;
            for (int i = fromIndex; i < Board.Bus.Log.Count; i++)
            {
                if (IsCodecWrite((I2cTransaction)Board.Bus.Log[i]))
                {
                    count++;
                }
            }

            return count;
        }

        private bool IsCodecWrite(I2cTransaction t)
        {
            return t.Address == Board.Description.CodecAddress && t.Operation == I2cOperation.Write && t.Written.Length == 2;
        }
    }
}
