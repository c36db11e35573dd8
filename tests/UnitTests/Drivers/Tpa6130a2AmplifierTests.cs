using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Drivers.Tpa6130a2;
using InterfaceFirmware.Drivers.Wm8960;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Hal;
using nanoFramework.TestFramework;
using static InterfaceFirmware.UnitTests.Drivers.DriverTestHelpers;

namespace InterfaceFirmware.UnitTests.Drivers
{
    /// <summary>
    /// The TPA6130A2 driver on the reference board: presence by revision, the 64-step taper (codes
    /// and rendered levels), per-channel mute, high-impedance outputs, thermal flag, the SD line
    /// and cache-only operation, the enable/shutdown order around the codec (no pops, and pops
    /// when the order is wrong), brown-out and bus faults.
    /// </summary>
    [TestClass]
    public class Tpa6130a2AmplifierTests
    {
        [TestMethod]
        public static void ProbeReadsRevisionTwoWakingTheChipForTheRead()
        {
            var rig = new ReferenceDriverRig();
            Assert.IsFalse(rig.Board.AmplifierShutdown.Level, "started in shutdown: SD low");
            int mark = rig.LogMark;

            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Amplifier.Probe(out int revision));
            Assert.AreEqual(2, revision);
            var read = (I2cTransaction)rig.Board.Bus.Log[mark];
            Assert.AreEqual((int)I2cOperation.WriteRead, (int)read.Operation);
            Assert.AreEqual(Tpa6130a2Registers.Version, (int)read.Written[0]);
            Assert.IsFalse(rig.Board.AmplifierShutdown.Level, "put back in shutdown after the read");
        }

        [TestMethod]
        public static void AnAbsentOrForeignChipIsReported()
        {
            var clock = new VirtualClock();
            var bus = new VirtualI2cBus(clock, 1);
            var amplifier = new Tpa6130a2Amplifier(bus, Tpa6130a2Amplifier.DefaultAddress, null, null);
            Assert.AreEqual((int)DriverStatus.BusFault, (int)amplifier.Probe(out int revision));
            Assert.AreEqual(-1, revision);

            bus.Attach(new OtherChip(Tpa6130a2Amplifier.DefaultAddress, 0x05));
            Assert.AreEqual((int)DriverStatus.WrongDevice, (int)amplifier.Probe(out revision));
            Assert.AreEqual(5, revision);
        }

        [TestMethod]
        public static void EveryVolumeCodeMatchesTheDatasheetTaper()
        {
            var rig = new ReferenceDriverRig();
            EnableAmplifier(rig);
            int[] taper = Tpa6130a2Model.GainCentiDb; // the emulator's copy of TI's table
            for (int code = 0; code < 64; code++)
            {
                int set = rig.Amplifier.SetVolume(taper[code]);
                Assert.AreEqual(taper[code], set, "code " + code.ToString());
                Assert.AreEqual(code, rig.Board.Amplifier.VolumeCode);
                Assert.AreEqual(taper[code], rig.Board.Amplifier.GainCentiDbFor(true));
            }

            // Between steps the nearest one wins; beyond the ends the range clamps.
            Assert.AreEqual(-5950, rig.Amplifier.SetVolume(-8000));
            Assert.AreEqual(400, rig.Amplifier.SetVolume(1200));
            Assert.AreEqual(-2050, rig.Amplifier.SetVolume(-2040));
            Assert.AreEqual(0x14, rig.Board.Amplifier.VolumeCode);
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void RenderedLevelFollowsTheVolumeWithinHalfAStep()
        {
            ReferenceDriverRig rig = PlayingThroughTheAmplifier(-20);
            rig.Codec.SetMuted(true, rig.Now);
            rig.RunUntilIdle(1000);
            int[] requests = { 0, -600, -1150, -2500, -4000, 400, -5950 };
            for (int i = 0; i < requests.Length; i++)
            {
                // volume changes on this amplifier are instant: made while the codec is muted
                int set = rig.Amplifier.SetVolume(requests[i]);
                rig.Codec.SetMuted(false, rig.Now);
                rig.RunUntilIdle(1000);
                rig.Run(100);
                double measured = rig.LevelDb(rig.Board.MainJack, true, 40);
                double codecLevel = rig.LevelDb(rig.Board.CodecOutput(0), true, 40);
                AssertLevel(codecLevel + set / 100.0, measured, 0.05);
                AssertLevel(codecLevel + requests[i] / 100.0, measured, HalfStepAround(set) + 0.05);
                rig.Codec.SetMuted(true, rig.Now);
                rig.RunUntilIdle(1000);
            }

            Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.Board.DescribePops());
        }

        [TestMethod]
        public static void TheBoardComesUpAndGoesDownWithoutAPop()
        {
            var rig = new ReferenceDriverRig();
            rig.PlaySine(-10);
            rig.StartRecording();

            // codec on, outputs muted; the amplifier on silent outputs; then the codec opens up
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(-6 * 100));
            rig.PowerUp();
            rig.Amplifier.SetVolume(0);
            rig.Amplifier.SetEnabled(true, rig.Now);
            rig.RunUntilIdle(1000);
            Assert.IsTrue(rig.Amplifier.Enabled);
            rig.Codec.SetMuted(false, rig.Now);
            rig.Run(400);
            AssertLevel(-16 + 0.1, rig.LevelDb(rig.Board.MainJack, true, 40), 0.1);
            AssertLevel(-16 + 0.1, rig.LevelDb(rig.Board.MainJack, false, 40), 0.1);

            // down: the codec mutes, the amplifier goes, then the codec
            rig.Codec.SetMuted(true, rig.Now);
            rig.RunUntilIdle(1000);
            rig.Amplifier.SetEnabled(false, rig.Now);
            rig.RunUntilIdle(1000);
            Assert.IsFalse(rig.Board.AmplifierShutdown.Level);
            rig.PowerDown();
            rig.Run(1000);

            Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.Board.DescribePops());
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void TheSequencesKeepTheirOrderOnTheBus()
        {
            var rig = new ReferenceDriverRig();
            rig.PowerUp();
            rig.Amplifier.SetVolume(-1000);
            int mark = rig.LogMark;
            rig.Amplifier.SetEnabled(true, rig.Now);
            rig.RunUntilIdle(1000);
            int[] up = rig.AmplifierWritesSinceMark(mark);

            // volume muted at −10 dB (0x21), channels on (SWS already off after the reset), un-mute last
            Assert.AreEqual(3, up.Length);
            Assert.AreEqual(0x0200 | 0xC0 | 0x21, up[0]);
            Assert.AreEqual(0x0100 | 0xC0, up[1]);
            Assert.AreEqual(0x0200 | 0x21, up[2]);

            mark = rig.LogMark;
            rig.Amplifier.SetEnabled(false, rig.Now);
            rig.RunUntilIdle(1000);
            int[] down = rig.AmplifierWritesSinceMark(mark);
            Assert.AreEqual(3, down.Length);
            Assert.AreEqual(0x0200 | 0xC0 | 0x21, down[0], "muted first");
            Assert.AreEqual(0x0100, down[1], "channels off");
            Assert.AreEqual(0x0100 | 0x01, down[2], "software shutdown, then the SD line");
            Assert.IsFalse(rig.Board.Amplifier.Powered);
        }

        [TestMethod]
        public static void CuttingTheCodecBiasUnderAnEnabledAmplifierThumps()
        {
            ReferenceDriverRig rig = PlayingThroughTheAmplifier(-20);
            rig.Codec.SetMuted(true, rig.Now);
            rig.RunUntilIdle(1000);
            rig.PowerDown(); // the driver's Off keeps VMID: quiet even under an enabled amplifier
            rig.Run(500);
            Assert.AreEqual(0, rig.Board.PopEvents.Count, rig.Board.DescribePops());

            // Linux's OFF (or a supply cut): VMID collapses behind the amplifier's input capacitors
            long cut = rig.Board.Clock.NowUs;
            RunSteps(rig.Codec, rig.Board.Clock, new[] { SequenceStep.Update(Wm8960Registers.Power1, Wm8960Registers.VmidMask, 0) });
            rig.Run(500);

            Assert.IsTrue(rig.Pops("main", cut) > 0, "no pop detected: " + rig.Board.DescribePops());
        }

        [TestMethod]
        public static void EnablingTheAmplifierOnALiveSignalClicks()
        {
            var rig = new ReferenceDriverRig();
            rig.PlaySine(-10);
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(0));
            rig.Codec.SetMuted(false, rig.Now);
            rig.PowerUp();
            rig.Run(300);
            long start = rig.Board.Clock.NowUs;
            rig.Amplifier.SetVolume(0);
            rig.Amplifier.SetEnabled(true, rig.Now);
            rig.Run(100);

            Assert.IsTrue(rig.Pops("main", start) > 0, "no pop detected: " + rig.Board.DescribePops());
        }

        [TestMethod]
        public static void ChannelsMuteAndFloatOneAtATime()
        {
            ReferenceDriverRig rig = PlayingThroughTheAmplifier(-20);
            rig.Amplifier.SetMuted(true, false);
            rig.Run(100);
            Assert.IsTrue(rig.Board.Amplifier.LeftMuted && !rig.Board.Amplifier.RightMuted);
            Assert.IsTrue(rig.LevelDb(rig.Board.MainJack, true, 40) < -120);
            Assert.IsTrue(rig.LevelDb(rig.Board.MainJack, false, 40) > -30);

            rig.Amplifier.SetMuted(false, false);
            rig.Amplifier.SetHighImpedance(false, true);
            Assert.IsTrue(rig.Board.Amplifier.OutputActive(true));
            Assert.IsFalse(rig.Board.Amplifier.OutputActive(false), "right output in high impedance");
            Assert.AreEqual(Tpa6130a2Registers.HighZRight, rig.Board.Amplifier.Register(Tpa6130a2Registers.OutputImpedance));
        }

        [TestMethod]
        public static void ThermalShutdownIsReportedOnceAndWhileItLasts()
        {
            ReferenceDriverRig rig = PlayingThroughTheAmplifier(-20);
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Amplifier.CheckThermal(out bool occurred, out bool ongoing));
            Assert.IsFalse(occurred);

            rig.Board.Amplifier.SetThermalOverload(true);
            rig.Amplifier.CheckThermal(out occurred, out ongoing);
            Assert.IsTrue(occurred);
            Assert.IsTrue(ongoing, "still hot: the flag comes back after the read");

            rig.Board.Amplifier.SetThermalOverload(false);
            rig.Amplifier.CheckThermal(out occurred, out ongoing);
            Assert.IsTrue(occurred, "the flag stayed set until read");
            Assert.IsFalse(ongoing, "cooled down: the read cleared it");

            rig.Amplifier.CheckThermal(out occurred, out ongoing);
            Assert.IsFalse(occurred);
        }

        [TestMethod]
        public static void ChangesWhileShutDownWaitInTheCache()
        {
            var rig = new ReferenceDriverRig();
            int mark = rig.LogMark;
            rig.Amplifier.SetVolume(-700);
            rig.Amplifier.SetHighImpedance(false, false);
            rig.Amplifier.SetMuted(false, true);
            Assert.AreEqual(0, rig.AmplifierWritesSince(mark), "SD low: the chip is unpowered");

            rig.PowerUp();
            rig.Amplifier.SetEnabled(true, rig.Now);
            rig.RunUntilIdle(1000);
            Assert.AreEqual(0x26, rig.Board.Amplifier.VolumeCode);
            Assert.IsFalse(rig.Board.Amplifier.LeftMuted);
            Assert.IsTrue(rig.Board.Amplifier.RightMuted);
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void ABrownOutIsDetectedAndResynced()
        {
            ReferenceDriverRig rig = PlayingThroughTheAmplifier(-20);
            rig.Amplifier.SetVolume(-300);
            rig.Run(50);
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Amplifier.ProbeForReset(out bool wasReset));
            Assert.IsFalse(wasReset);

            rig.Board.Amplifier.BrownOut();
            rig.Amplifier.ProbeForReset(out wasReset);
            Assert.IsTrue(wasReset);
            int mark = rig.LogMark;
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Amplifier.Resync(rig.Now));
            rig.RunUntilIdle(1000);

            Assert.IsTrue(rig.Amplifier.Enabled);
            for (int register = Tpa6130a2Registers.Control; register <= Tpa6130a2Registers.OutputImpedance; register++)
            {
                Assert.AreEqual(rig.Amplifier.CachedRegister(register), rig.Board.Amplifier.Register(register));
            }

            Assert.AreEqual(3, rig.AmplifierWritesSince(mark), "volume (muted), channels on, un-mute");
            rig.Amplifier.ProbeForReset(out wasReset);
            Assert.IsFalse(wasReset);
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void TheResetProbeReadsItsThreeRegistersInOneTransaction()
        {
            var clock = new VirtualClock();
            var bus = new VirtualI2cBus(clock, 1);
            var model = new Tpa6130a2Model();
            Tpa6130a2Amplifier amplifier = HighImpedanceWithoutSdLine(clock, bus, model);
            RunUntilIdle(amplifier, clock);

            int before = bus.TransactionCount;
            Assert.AreEqual((int)DriverStatus.Ok, (int)amplifier.ProbeForReset(out bool wasReset));
            Assert.AreEqual(1, bus.TransactionCount - before, "one block read");
            Assert.IsFalse(wasReset);

            // the last register of the block alone back at its reset value is a reset too
            Assert.AreNotEqual(0, model.Register(Tpa6130a2Registers.OutputImpedance));
            byte[] write = { (byte)Tpa6130a2Registers.OutputImpedance, 0 };
            bus.Write(Tpa6130a2Amplifier.DefaultAddress, write, 0, 2);
            amplifier.ProbeForReset(out wasReset);
            Assert.IsTrue(wasReset);
        }

        [TestMethod]
        public static void WithoutAnSdLineAResyncWhileShutDownRestoresAndSettles()
        {
            var clock = new VirtualClock();
            var bus = new VirtualI2cBus(clock, 1);
            var model = new Tpa6130a2Model();
            Tpa6130a2Amplifier amplifier = HighImpedanceWithoutSdLine(clock, bus, model);

            model.BrownOut();
            amplifier.ProbeForReset(out bool wasReset);
            Assert.IsTrue(wasReset);
            amplifier.Resync(0);
            RunUntilIdle(amplifier, clock);
            Assert.AreEqual(Tpa6130a2Registers.HighZLeft | Tpa6130a2Registers.HighZRight, model.Register(Tpa6130a2Registers.OutputImpedance));
            Assert.IsTrue(model.SoftwareShutdown);
            amplifier.ProbeForReset(out wasReset);
            Assert.IsFalse(wasReset, "settled: nothing differs any more");
            Assert.AreEqual(0, bus.RedundantWriteCount);
        }

        // An amplifier on its own bus, no SD line (tied high), started with its outputs in high impedance.
        private static Tpa6130a2Amplifier HighImpedanceWithoutSdLine(VirtualClock clock, VirtualI2cBus bus, Tpa6130a2Model model)
        {
            bus.Attach(model);
            var amplifier = new Tpa6130a2Amplifier(bus, Tpa6130a2Amplifier.DefaultAddress, null, null);
            Assert.AreEqual((int)DriverStatus.Ok, (int)amplifier.Start(0));
            amplifier.SetHighImpedance(true, true);
            return amplifier;
        }

        // Its sequence to its end (100 ms at most), on the 5 ms clock.
        private static void RunUntilIdle(Tpa6130a2Amplifier amplifier, VirtualClock clock)
        {
            for (long ms = 0; ms < 100 && amplifier.Busy; ms += 5)
            {
                amplifier.Tick(ms);
                clock.AdvanceMs(5);
            }
        }

        [TestMethod]
        public static void ABusFaultStopsTheDriverUntilItIsResynced()
        {
            ReferenceDriverRig rig = PlayingThroughTheAmplifier(-20);
            I2cFaultPlan faults = rig.Board.Bus.FaultsAt(rig.Board.Description.AmplifierAddress);
            faults.NackFromUs = rig.Board.Clock.NowUs;
            faults.NackUntilUs = faults.NackFromUs + 100000;

            rig.Amplifier.SetVolume(-900);
            Assert.AreEqual((int)DriverStatus.BusFault, (int)rig.Amplifier.Status);
            Assert.IsTrue(rig.Board.Log.CountAtLeast(LogLevel.Error) >= 1);
            int mark = rig.LogMark;
            rig.Amplifier.SetMuted(true, true);
            rig.Amplifier.CheckThermal(out bool occurred, out bool ongoing);
            Assert.AreEqual(0, rig.LogMark - mark, "faulted: no traffic");

            rig.Run(200);
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Amplifier.Resync(rig.Now));
            rig.RunUntilIdle(1000);
            Assert.AreEqual(0x23, rig.Board.Amplifier.VolumeCode, "the change made while faulted landed");
            Assert.IsTrue(rig.Board.Amplifier.LeftMuted && rig.Board.Amplifier.RightMuted);
        }

        // ---- helpers ---------------------------------------------------------------------------

        /// <summary>Codec On with a sine playing at <paramref name="dbfs"/> and the headphones at 0 dB, the amplifier at 0 dB, all un-muted.</summary>
        private static ReferenceDriverRig PlayingThroughTheAmplifier(double dbfs)
        {
            var rig = new ReferenceDriverRig();
            rig.PlaySine(dbfs);
            rig.StartRecording();
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(0));
            rig.PowerUp();
            EnableAmplifier(rig);
            rig.Codec.SetMuted(false, rig.Now);
            rig.RunUntilIdle(1000);
            rig.Run(300);
            return rig;
        }

        private static void EnableAmplifier(ReferenceDriverRig rig)
        {
            rig.Amplifier.SetVolume(0);
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Amplifier.SetEnabled(true, rig.Now));
            rig.RunUntilIdle(1000);
            Assert.IsTrue(rig.Amplifier.Enabled);
        }

        // Half the larger gap to a neighbouring step of the taper, in dB.
        private static double HalfStepAround(int centiDb)
        {
            int[] taper = Tpa6130a2Model.GainCentiDb;
            int widest = 0;
            for (int code = 0; code < taper.Length; code++)
            {
                if (taper[code] == centiDb)
                {
                    int below = code > 0 ? taper[code] - taper[code - 1] : 0;
                    int above = code < taper.Length - 1 ? taper[code + 1] - taper[code] : 0;
                    widest = below > above ? below : above;
                }
            }

            return widest / 200.0;
        }

        /// <summary>Some other chip at the amplifier's address: answers every read with one value.</summary>
        private sealed class OtherChip : I2cChipModel
        {
            private readonly int _value;

            public OtherChip(int address, int value)
                : base("other", address)
            {
                _value = value;
            }

            public override void ResetToDefaults()
            {
            }

            protected override I2cStatus OnWrite(byte[] data, int offset, int count, long nowUs)
            {
                return I2cStatus.Ok;
            }

            protected override I2cStatus OnRead(byte[] buffer, int offset, int count, long nowUs)
            {
                for (int i = 0; i < count; i++)
                {
                    buffer[offset + i] = (byte)_value;
                }

                return I2cStatus.Ok;
            }
        }
    }
}
