using InterfaceFirmware.Drivers;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Drivers
{
    /// <summary>Sequences over ticks: order, waits that cost the loop nothing, the writes-per-tick budget, actions, failure.</summary>
    [TestClass]
    public class SequenceRunnerTests
    {
        [TestMethod]
        public static void StepsRunInOrderAndWaitsSpanTicks()
        {
            var target = new Target();
            var runner = new SequenceRunner();
            runner.Start(new[]
            {
                SequenceStep.Write(1, 0x11),
                SequenceStep.Wait(100),
                SequenceStep.Update(2, 0x0F, 0x03),
                SequenceStep.Do(7),
            });

            Assert.IsFalse(runner.Tick(0, target));
            Assert.AreEqual("W1=11 ", target.Trace);
            Assert.IsFalse(runner.Tick(50, target), "the wait is not over");
            Assert.AreEqual("W1=11 ", target.Trace);
            Assert.IsTrue(runner.Tick(100, target), "finished");
            Assert.AreEqual("W1=11 U2&F=3 A7 ", target.Trace);
            Assert.IsFalse(runner.Running);
            Assert.IsFalse(runner.Failed);
            Assert.IsFalse(runner.Tick(200, target), "nothing more to do");
        }

        [TestMethod]
        public static void ATickMakesAtMostSixWrites()
        {
            var target = new Target();
            var runner = new SequenceRunner();
            var steps = new SequenceStep[10];
            for (int i = 0; i < steps.Length; i++)
            {
                steps[i] = SequenceStep.Write(i, i);
            }

            runner.Start(steps);
            Assert.IsFalse(runner.Tick(0, target));
            Assert.AreEqual(SequenceRunner.WritesPerTick, target.Writes);
            Assert.IsTrue(runner.Tick(5, target));
            Assert.AreEqual(10, target.Writes);
        }

        [TestMethod]
        public static void AnActionCanAskToBeCalledAgain()
        {
            var target = new Target();
            target.AgainCount = 2;
            var runner = new SequenceRunner();
            runner.Start(new[] { SequenceStep.Do(1), SequenceStep.Write(3, 3) });
            Assert.IsFalse(runner.Tick(0, target));
            Assert.IsFalse(runner.Tick(5, target));
            Assert.IsTrue(runner.Tick(10, target));
            Assert.AreEqual("A1? A1? A1 W3=3 ", target.Trace);
        }

        [TestMethod]
        public static void AFailedStepStopsTheSequence()
        {
            var target = new Target();
            target.FailRegister = 2;
            var runner = new SequenceRunner();
            runner.Start(new[] { SequenceStep.Write(1, 1), SequenceStep.Write(2, 2), SequenceStep.Write(3, 3) });
            Assert.IsTrue(runner.Tick(0, target));
            Assert.IsTrue(runner.Failed);
            Assert.AreEqual(1, runner.Position, "stopped on the failing step");
            Assert.AreEqual("W1=1 ", target.Trace);
        }

        [TestMethod]
        public static void ATrailingWaitIsPartOfTheSequence()
        {
            var target = new Target();
            var runner = new SequenceRunner();
            runner.Start(new[] { SequenceStep.Write(1, 1), SequenceStep.Wait(20) });
            Assert.IsFalse(runner.Tick(0, target));
            Assert.IsTrue(runner.Running);
            Assert.IsTrue(runner.Tick(20, target));
        }

        private sealed class Target : ISequenceTarget
        {
            public string Trace = string.Empty;
            public int Writes;
            public int AgainCount;
            public int FailRegister = -1;

            public bool UpdateRegister(int register, int mask, int value)
            {
                if (register == FailRegister)
                {
                    return false;
                }

                Writes++;
                Trace += mask == -1
                    ? "W" + register.ToString() + "=" + value.ToString("X") + " "
                    : "U" + register.ToString() + "&" + mask.ToString("X") + "=" + value.ToString("X") + " ";
                return true;
            }

            public StepResult Perform(int action, long nowMs)
            {
                if (AgainCount > 0)
                {
                    AgainCount--;
                    Trace += "A" + action.ToString() + "? ";
                    return StepResult.Again;
                }

                Trace += "A" + action.ToString() + " ";
                return StepResult.Done;
            }
        }
    }
}
