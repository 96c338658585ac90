<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>ActivationPlot</name>
        <message>
            <location filename="../../widgets/activation_plot.py" />
            <source>&lt;b&gt;%1&lt;/b&gt;: &lt;span style='color:%2'&gt;━━ f(x)&lt;/span&gt; and its derivative &lt;span style='color:%3'&gt;╸╸╸ f′(x)&lt;/span&gt;</source>
            <translation>&lt;b&gt;%1&lt;/b&gt;：&lt;span style='color:%2'&gt;━━ f(x)&lt;/span&gt; 及其导数 &lt;span style='color:%3'&gt;╸╸╸ f′(x)&lt;/span&gt;</translation>
        </message>
        <message>
            <location filename="" />
            <source>Softmax mixes a whole vector, so this is one of %1 scores plotted against its own logit x, with the other %2 held at 0. Its derivative is s(1 − s).</source>
            <translation>Softmax 作用于整个向量，所以这里画的是 %1 个分数中的一个随其自身 logit x 的变化，其余 %2 个固定为 0。它的导数是 s(1 − s)。</translation>
        </message>
        <message>
            <location filename="" />
            <source>With negative_slope %1: the derivative is 1 for x &gt; 0 and %1 below.</source>
            <translation>negative_slope 为 %1 时：x &gt; 0 时导数为 1，x &lt; 0 时为 %1。</translation>
        </message>
        <message>
            <location filename="" />
            <source>The derivative is 1 for x &gt; 0 and 0 below: a neuron stuck below 0 gets no gradient.</source>
            <translation>x &gt; 0 时导数为 1，x &lt; 0 时为 0：一直小于 0 的神经元得不到梯度。</translation>
        </message>
        <message>
            <location filename="" />
            <source>The derivative σ(1 − σ) is at most 0.25: stacked sigmoids shrink gradients.</source>
            <translation>导数 σ(1 − σ) 最大只有 0.25：层层叠加的 Sigmoid 会让梯度越来越小。</translation>
        </message>
        <message>
            <location filename="" />
            <source>The derivative 1 − tanh² is 1 at 0 and vanishes for large |x|.</source>
            <translation>导数 1 − tanh² 在 0 处为 1，|x| 很大时趋于 0。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Smooth near 0, with a small dip below: the derivative is slightly negative there.</source>
            <translation>在 0 附近平滑过渡，负半轴有一个小凹陷：那里的导数略小于 0。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Below 0 it levels off at −alpha, and its derivative fades smoothly instead of dropping to 0 at once.</source>
            <translation>小于 0 时逐渐趋平于 −alpha，它的导数平滑地减小，而不是一下子降到 0。</translation>
        </message>
        <message>
            <location filename="" />
            <source>A scaled ELU: the derivative is about 1.05 above 0, so signals keep their spread through deep Dense stacks.</source>
            <translation>缩放版的 ELU：x &gt; 0 时导数约为 1.05，所以信号穿过很深的 Dense 堆叠时仍能保持其分散程度。</translation>
        </message>
        <message>
            <location filename="" />
            <source>x·σ(x): smooth, with a small dip below 0, like GELU; Keras' swish is PyTorch's SiLU.</source>
            <translation>x·σ(x)：平滑，在 0 以下有一个小凹陷，与 GELU 相似；Keras 的 swish 就是 PyTorch 的 SiLU。</translation>
        </message>
        <message>
            <location filename="" />
            <source>x·tanh(softplus(x)): smooth and non-monotonic, close to swish with a slightly deeper dip.</source>
            <translation>x·tanh(softplus(x))：平滑且非单调，与 swish 接近，但凹陷略深。</translation>
        </message>
    </context>
    <context>
        <name>ActivationsView</name>
        <message>
            <location filename="../../widgets/training/activations.py" />
            <source>Train the model, then select a layer to see what it computes.</source>
            <translation>先训练模型，再选择一层，查看它计算出的结果。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Layer</source>
            <translation>层</translation>
        </message>
        <message>
            <location filename="" />
            <source>Test sample</source>
            <translation>测试样本</translation>
        </message>
        <message>
            <location filename="" />
            <source>%1 is not in the trained model (added after the run?): train again to see it.</source>
            <translation>训练好的模型中没有 %1（是训练之后才添加的吗？）：重新训练后即可查看。</translation>
        </message>
        <message>
            <location filename="" />
            <source>%1 outputs %2</source>
            <translation>%1 输出 %2</translation>
        </message>
        <message>
            <location filename="" />
            <source>feature maps: %1</source>
            <translation>特征图：%1</translation>
        </message>
        <message>
            <location filename="" />
            <source>(the first %1 shown)</source>
            <translation>（显示前 %1 个）</translation>
        </message>
        <message>
            <location filename="" />
            <source>one square per value</source>
            <translation>每个方格代表一个值</translation>
        </message>
        <message>
            <location filename="" />
            <source>dark: low, yellow: high</source>
            <translation>深色：低，黄色：高</translation>
        </message>
    </context>
    <context>
        <name>AugmentPreview</name>
        <message>
            <location filename="../../widgets/training/augment_preview.py" />
            <source>Each row: a training image, then %1 random draws of it as training sees them.</source>
            <translation>每一行：一张训练图像，以及训练时看到的 %1 个随机增强版本。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Shuffle</source>
            <translation>重新抽取</translation>
        </message>
        <message>
            <location filename="" />
            <source>New random draws of the augmentation</source>
            <translation>重新随机生成增强样本</translation>
        </message>
        <message>
            <location filename="" />
            <source>Reading a few images of %1…</source>
            <translation>正在读取 %1 中的几张图像…</translation>
        </message>
        <message>
            <location filename="" />
            <source>The images cannot be read: %1</source>
            <translation>无法读取图像：%1</translation>
        </message>
        <message>
            <location filename="" />
            <source>%1 is not downloaded yet: showing the built-in synthetic shapes.</source>
            <translation>%1 尚未下载：先显示内置的合成图形。</translation>
        </message>
        <message>
            <location filename="" />
            <source>%1 holds no images, and augmentation changes images only (training skips it here): showing the built-in synthetic shapes.</source>
            <translation>%1 中没有图像，而数据增强只作用于图像（此处训练会跳过它）：先显示内置的合成图形。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Choose the image folder to see its images; meanwhile, the built-in synthetic shapes.</source>
            <translation>选择图像文件夹即可查看其中的图像；在此之前显示内置的合成图形。</translation>
        </message>
        <message>
            <location filename="" />
            <source>%1 cannot be read (%2): showing the built-in synthetic shapes.</source>
            <translation>无法读取 %1（%2）：先显示内置的合成图形。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Showing the built-in synthetic shapes.</source>
            <translation>显示内置的合成图形。</translation>
        </message>
    </context>
    <context>
        <name>Autosave</name>
        <message>
            <source>The autosave %1 cannot be read: %2</source>
            <translation>无法读取自动保存文件 %1：%2</translation>
        </message>
        <message>
            <source>%1 is not a NetStudio autosave</source>
            <translation>%1 不是 NetStudio 的自动保存文件</translation>
        </message>
    </context>
    <context>
        <name>CompareDialog</name>
        <message>
            <location filename="../../widgets/training/compare_dialog.py" />
            <source>Compare Optimizers</source>
            <translation>比较优化器</translation>
        </message>
        <message>
            <location filename="" />
            <source>Trains the model once with each optimizer you tick, one after another, on the same data with the same starting weights. Their curves are laid over each other as they finish.</source>
            <translation>用你勾选的每个优化器依次训练一遍模型，数据相同，初始权重也相同。每次训练结束后，它们的曲线会叠加在一起。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Every run: %1 epochs, learning rate %2, seed %3; the other settings as in the Training panel. Plain SGD usually needs a larger learning rate than Adam: with the same one it learns slowly, which the curves will show.</source>
            <translation>每次运行：%1 轮，学习率 %2，随机种子 %3；其他设置与“训练”面板相同。普通 SGD 通常需要比 Adam 更大的学习率：学习率相同时它学得很慢，曲线会显示出来。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Start</source>
            <translation>开始</translation>
        </message>
        <message>
            <location filename="" />
            <source>Tick at least one optimizer.</source>
            <translation>请至少勾选一个优化器。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Start %1 Runs</source>
            <translation>开始 %1 次运行</translation>
        </message>
    </context>
    <context>
        <name>ComparisonTable</name>
        <message>
            <location filename="" />
            <source>Optimizer Comparison</source>
            <translation>优化器比较</translation>
        </message>
        <message>
            <location filename="" />
            <source>Optimizer</source>
            <translation>优化器</translation>
        </message>
        <message>
            <location filename="" />
            <source>Epochs</source>
            <translation>轮数</translation>
        </message>
        <message>
            <location filename="" />
            <source>Training loss</source>
            <translation>训练损失</translation>
        </message>
        <message>
            <location filename="" />
            <source>Validation loss</source>
            <translation>验证损失</translation>
        </message>
        <message>
            <location filename="" />
            <source>Training accuracy</source>
            <translation>训练准确率</translation>
        </message>
        <message>
            <location filename="" />
            <source>Validation accuracy</source>
            <translation>验证准确率</translation>
        </message>
        <message>
            <location filename="" />
            <source>Test accuracy</source>
            <translation>测试准确率</translation>
        </message>
        <message>
            <location filename="" />
            <source>%1 (stopped)</source>
            <translation>%1（已停止）</translation>
        </message>
        <message>
            <location filename="" />
            <source>The last epoch of each run:</source>
            <translation>每次运行的最后一轮：</translation>
        </message>
        <message>
            <location filename="" />
            <source>Stopped: the runs that finished are kept, and laid over the plots.</source>
            <translation>已停止：已完成的运行会保留，并叠加在图上。</translation>
        </message>
        <message>
            <location filename="" />
            <source>All runs are kept in the Runs tab and laid over the plots.</source>
            <translation>所有运行都保存在“运行记录”标签页中，并叠加在图上。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Set a validation split to compare on data the models did not learn from.</source>
            <translation>设置验证集比例，才能在模型没有学过的数据上进行比较。</translation>
        </message>
    </context>
    <context>
        <name>ConfusionView</name>
        <message>
            <location filename="../../widgets/training/confusion.py" />
            <location filename="" />
            <source>Train a classifier to see which classes it confuses.</source>
            <translation>训练一个分类模型，看看它会混淆哪些类别。</translation>
        </message>
        <message>
            <location filename="" />
            <source>predicted class</source>
            <translation>预测类别</translation>
        </message>
        <message>
            <location filename="" />
            <source>true class</source>
            <translation>真实类别</translation>
        </message>
        <message>
            <location filename="" />
            <source>share of the true class</source>
            <translation>占真实类别的比例</translation>
        </message>
        <message>
            <location filename="" />
            <source>accuracy</source>
            <translation>准确率</translation>
        </message>
        <message>
            <location filename="" />
            <source>Accuracy per class</source>
            <translation>各类别准确率</translation>
        </message>
        <message>
            <location filename="" />
            <source>This model does not classify: no confusion matrix.</source>
            <translation>这个模型不做分类：没有混淆矩阵。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Test accuracy &lt;b&gt;%1&lt;/b&gt; on %2 samples · hardest class: %3 (%4)</source>
            <translation>%2 个样本上的测试准确率 &lt;b&gt;%1&lt;/b&gt; · 最难的类别：%3（%4）</translation>
        </message>
    </context>
    <context>
        <name>DataChooser</name>
        <message>
            <location filename="../../widgets/training/settings_form.py" />
            <source>Folder or CSV file</source>
            <translation>文件夹或 CSV 文件</translation>
        </message>
        <message>
            <location filename="" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="" />
            <source>last column</source>
            <translation>最后一列</translation>
        </message>
        <message>
            <location filename="" />
            <source>Centre-crop</source>
            <translation>居中裁剪</translation>
        </message>
        <message>
            <location filename="" />
            <source>Scale to cover the model's input, cut off the sides that stick out</source>
            <translation>缩放到覆盖模型的输入尺寸，裁掉超出的两边</translation>
        </message>
        <message>
            <location filename="" />
            <source>Stretch</source>
            <translation>拉伸</translation>
        </message>
        <message>
            <location filename="" />
            <source>Scale width and height separately: shapes distort</source>
            <translation>宽和高分别缩放：形状会变形</translation>
        </message>
        <message>
            <location filename="" />
            <source>Pad</source>
            <translation>补边</translation>
        </message>
        <message>
            <location filename="" />
            <source>Scale to fit inside, fill the rest with black</source>
            <translation>缩放到能放进输入尺寸，其余部分用黑色填充</translation>
        </message>
        <message>
            <location filename="" />
            <source>Data set</source>
            <translation>数据集</translation>
        </message>
        <message>
            <location filename="" />
            <source>Files</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="" />
            <source>Label column</source>
            <translation>标签列</translation>
        </message>
        <message>
            <location filename="" />
            <source>Resize</source>
            <translation>调整大小</translation>
        </message>
        <message>
            <location filename="" />
            <source>Device</source>
            <translation>设备</translation>
        </message>
        <message>
            <location filename="" />
            <source>Automatic (a GPU when there is one)</source>
            <translation>自动（有 GPU 时使用 GPU）</translation>
        </message>
        <message>
            <location filename="" />
            <source>(download, else %1)</source>
            <translation>（需下载，否则用 %1）</translation>
        </message>
        <message>
            <location filename="" />
            <source>(download)</source>
            <translation>（需下载）</translation>
        </message>
        <message>
            <location filename="" />
            <source>Could not be downloaded in the last run, so %1 (same shape and classes) trained instead. Train again to retry the download.</source>
            <translation>上次运行时无法下载，因此改用 %1（形状和类别相同）训练。再次训练即可重试下载。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Not on this machine: Train downloads it. Offline, %1 (here, same shape and classes) trains instead.</source>
            <translation>本机没有：训练时会下载。离线时改用 %1（本机已有，形状和类别相同）训练。</translation>
        </message>
        <message>
            <location filename="" />
            <source>(not on this machine)</source>
            <translation>（本机没有）</translation>
        </message>
        <message>
            <location filename="" />
            <source>Choose a CSV file</source>
            <translation>选择 CSV 文件</translation>
        </message>
        <message>
            <location filename="" />
            <source>CSV files (*.csv);;All (*)</source>
            <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="" />
            <source>Choose the image folder</source>
            <translation>选择图像文件夹</translation>
        </message>
    </context>
    <context>
        <name>DataFitWatcher</name>
        <message>
            <location filename="../../widgets/training/data_fit.py" />
            <source>Use the data's size for %1</source>
            <translation>为 %1 使用数据的尺寸</translation>
        </message>
    </context>
    <context>
        <name>DemoFigures</name>
        <message>
            <location filename="../../widgets/training/transfer_demo_figures.py" />
            <source>%1 (stopped)</source>
            <translation>%1（已停止）</translation>
        </message>
        <message>
            <location filename="" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="" />
            <source>This demo</source>
            <translation>本次演示</translation>
        </message>
        <message>
            <location filename="" />
            <source>Measured (%1 seeds)</source>
            <translation>实测（%1 个随机种子）</translation>
        </message>
        <message>
            <location filename="" />
            <source>Test accuracy on the new classes' test images</source>
            <translation>在新类别测试图像上的测试准确率</translation>
        </message>
        <message>
            <location filename="" />
            <source>Fine-tuned − from scratch</source>
            <translation>微调 − 从头训练</translation>
        </message>
        <message>
            <location filename="" />
            <source>Frozen − from scratch</source>
            <translation>冻结 − 从头训练</translation>
        </message>
        <message>
            <location filename="" />
            <source>%1 points</source>
            <translation>%1 个百分点</translation>
        </message>
        <message>
            <location filename="" />
            <source>%1: &lt;b&gt;%2&lt;/b&gt; this time</source>
            <translation>%1：本次 &lt;b&gt;%2&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="" />
            <source>%1 measured over %2 seeds</source>
            <translation>%2 个随机种子的实测值：%1</translation>
        </message>
        <message>
            <location filename="" />
            <source>Why: the body learnt features that tell its first five classes apart. Fine-tuned, every layer starts from them and adapts to the new classes: no worse than from scratch, and far ahead when the new classes look like the old ones and images are few (the built-in shapes). Frozen, the new classes get only those features, and a small body learnt little else: on a different kind of image (shoes and bags after shirts and dresses) they fall behind training from scratch; on the same kind they help only when images are fewest. Large backbones pretrained on millions of varied photos (the Pretrained layers, e.g. MobileNetV3 on ImageNet) learnt features general enough to work frozen.</source>
            <translation>原因：主体学到的特征能区分它最初的五个类别。微调时，每一层都从这些特征出发，再适应新类别：不会比从头训练差，而当新类别与旧类别相似、图像又很少时（内置的图形数据）还会遥遥领先。冻结时，新类别只能使用这些特征，而小的主体除此之外学到的东西很少：换成另一种图像（先学衬衫和连衣裙，再学鞋和包）时，它们不如从头训练；同一种图像时，也只有在图像最少时才有帮助。在数百万张各式照片上预训练的大型骨干网络（“预训练模型”分类中的层，例如在 ImageNet 上预训练的 MobileNetV3）学到的特征足够通用，冻结后也能使用。</translation>
        </message>
    </context>
    <context>
        <name>DemoPlots</name>
        <message>
            <location filename="../../widgets/training/transfer_demo.py" />
            <source>Models (━▲ training, ╍◆ validation):</source>
            <translation>模型（━▲ 训练，╍◆ 验证）：</translation>
        </message>
        <message>
            <location filename="../../widgets/training/plots.py" />
            <source>Loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <location filename="" />
            <source>epoch</source>
            <translation>轮次</translation>
        </message>
        <message>
            <location filename="" />
            <source>Accuracy</source>
            <translation>准确率</translation>
        </message>
        <message>
            <location filename="" />
            <source>training, per batch (smoothed)</source>
            <translation>训练，每批次（平滑后）</translation>
        </message>
        <message>
            <location filename="" />
            <source>training, per epoch</source>
            <translation>训练，每轮</translation>
        </message>
        <message>
            <location filename="" />
            <source>validation, per epoch</source>
            <translation>验证，每轮</translation>
        </message>
        <message>
            <location filename="" />
            <source>Gap: training minus validation accuracy in the last epoch. A large gap means the model learns its training samples by heart (overfitting); Dropout or L2 weight decay make it smaller.</source>
            <translation>差距：最后一轮的训练准确率减去验证准确率。差距大说明模型在死记训练样本（过拟合）；Dropout 或 L2 权重衰减能让差距变小。</translation>
        </message>
        <message>
            <location filename="" />
            <source>run %1</source>
            <translation>运行 %1</translation>
        </message>
        <message>
            <location filename="" />
            <source>Earlier runs (━▲ training, ╍◆ validation):</source>
            <translation>之前的运行（━▲ 训练，╍◆ 验证）：</translation>
        </message>
        <message>
            <location filename="" />
            <source>Earlier runs (━▲ training):</source>
            <translation>之前的运行（━▲ 训练）：</translation>
        </message>
        <message>
            <location filename="" />
            <source>gap (training − validation): %1</source>
            <translation>差距（训练 − 验证）：%1</translation>
        </message>
        <message>
            <location filename="" />
            <source>(gap %1)</source>
            <translation>（差距 %1）</translation>
        </message>
        <message>
            <location filename="" />
            <source>Earlier runs: training solid, validation dashed</source>
            <translation>之前的运行：实线为训练，虚线为验证</translation>
        </message>
    </context>
    <context>
        <name>Document</name>
        <message>
            <location filename="../../widgets/document.py" />
            <source>The model needs a name</source>
            <translation>模型需要一个名称</translation>
        </message>
    </context>
    <context>
        <name>DrawingView</name>
        <message>
            <location filename="../../widgets/training/drawing.py" />
            <source>Clear</source>
            <translation>清除</translation>
        </message>
        <message>
            <location filename="" />
            <source>Centre and scale the drawing</source>
            <translation>将手绘图像居中并缩放</translation>
        </message>
        <message>
            <location filename="" />
            <source>What the model sees</source>
            <translation>模型看到的图像</translation>
        </message>
        <message>
            <location filename="" />
            <source>Train an image classifier, then draw here.</source>
            <translation>先训练一个图像分类模型，然后在这里画图。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Centre and scale like the %1 images</source>
            <translation>像 %1 的图像一样居中并缩放</translation>
        </message>
        <message>
            <location filename="" />
            <source>Draw with the mouse; the prediction follows.</source>
            <translation>用鼠标画图，预测结果会随之更新。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Drawing needs a model that classifies images; this one does not.</source>
            <translation>手绘需要一个对图像分类的模型；当前模型不是。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Draw something: an empty picture is a guess.</source>
            <translation>画点什么吧：对空白图像的预测只是瞎猜。</translation>
        </message>
        <message>
            <location filename="" />
            <source>It looks like &lt;b&gt;%1&lt;/b&gt; (%2)</source>
            <translation>看起来像 &lt;b&gt;%1&lt;/b&gt;（%2）</translation>
        </message>
        <message>
            <source>Centre and scale as MNIST</source>
            <translation type="vanished">像 MNIST 一样居中并缩放</translation>
        </message>
    </context>
    <context>
        <name>EdgeItem</name>
        <message>
            <location filename="../../widgets/canvas/edge_item.py" />
            <source>%1 → %2 (select and press Delete to remove)</source>
            <translation>%1 → %2（选中后按 Delete 键删除）</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../widgets/training/export_dialog.py" />
            <source>Export the Trained Model</source>
            <translation>导出训练好的模型</translation>
        </message>
        <message>
            <location filename="" />
            <source>Export the model trained in the run:</source>
            <translation>导出所选运行中训练好的模型：</translation>
        </message>
        <message>
            <location filename="" />
            <source>as:</source>
            <translation>格式：</translation>
        </message>
        <message>
            <location filename="" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="" />
            <source>Write to</source>
            <translation>写入到</translation>
        </message>
        <message>
            <location filename="" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location filename="" />
            <source>%1 generator</source>
            <translation>%1 生成器</translation>
        </message>
        <message>
            <location filename="" />
            <source>This run trained a GAN: what is exported is its generator, which turns a vector of random numbers into a new image. The discriminator only served the training; it stays in the run folder.</source>
            <translation>这次运行训练的是 GAN：导出的是它的生成器，它把一个随机数向量变成一张新图像。判别器只在训练中起作用，它仍保留在运行文件夹中。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Folder for the package</source>
            <translation>存放程序包的文件夹</translation>
        </message>
        <message>
            <location filename="" />
            <source>Export to</source>
            <translation>导出到</translation>
        </message>
        <message>
            <location filename="" />
            <source>Choose where to write the export.</source>
            <translation>请选择导出的位置。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Exporting as %1…</source>
            <translation>正在导出为 %1…</translation>
        </message>
        <message>
            <location filename="" />
            <source>Wrote:</source>
            <translation>已写入：</translation>
        </message>
        <message>
            <location filename="" />
            <source>Replace?</source>
            <translation>替换吗？</translation>
        </message>
        <message>
            <location filename="" />
            <source>The export would replace what is already there:
%1

Replace it?</source>
            <translation>导出会替换已有的内容：
%1

要替换吗？</translation>
        </message>
        <message>
            <location filename="" />
            <source>Not exported: nothing was replaced.</source>
            <translation>未导出：没有替换任何内容。</translation>
        </message>
        <message>
            <location filename="" />
            <source>The path now names a new folder inside it, %1: press Export to write the package there.</source>
            <translation>路径现已改为其中的一个新文件夹 %1：按“导出”即可把程序包写到那里。</translation>
        </message>
        <message>
            <source>Weights with the project beside them; NetStudio opens them again</source>
            <translation>权重及其旁边的项目文件；NetStudio 可以再次打开</translation>
        </message>
        <message>
            <source>For ONNX Runtime, OpenCV, TensorRT and other tools (dynamic batch)</source>
            <translation>用于 ONNX Runtime、OpenCV、TensorRT 等工具（动态批量大小）</translation>
        </message>
        <message>
            <source>A torch.export program: load with torch.export.load, no source needed</source>
            <translation>torch.export 程序：用 torch.export.load 加载，无需源代码</translation>
        </message>
        <message>
            <source>A PyTorch state_dict (load with torch.load(weights_only=True))</source>
            <translation>PyTorch state_dict（用 torch.load(weights_only=True) 加载）</translation>
        </message>
        <message>
            <source>A standalone Python package: readable model source, weights, predict.py and train.py (runs under torchrun)</source>
            <translation>独立的 Python 程序包：可读的模型源代码、权重、predict.py 和 train.py（可在 torchrun 下运行）</translation>
        </message>
        <message>
            <source>finished</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>stopped</source>
            <translation>已停止</translation>
        </message>
        <message>
            <source>stopped early</source>
            <translation>提前停止</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>running</source>
            <translation>运行中</translation>
        </message>
        <message>
            <source>test accuracy %1</source>
            <translation>测试准确率 %1</translation>
        </message>
        <message>
            <source>test loss %1</source>
            <translation>测试损失 %1</translation>
        </message>
        <message>
            <source>Export the model trained in run &lt;b&gt;%1&lt;/b&gt; as:</source>
            <translation type="vanished">将运行 &lt;b&gt;%1&lt;/b&gt; 中训练好的模型导出为：</translation>
        </message>
    </context>
    <context>
        <name>GanLossPlots</name>
        <message>
            <location filename="../../widgets/training/gan_losses.py" />
            <source>Losses</source>
            <translation>损失</translation>
        </message>
        <message>
            <location filename="" />
            <source>epoch</source>
            <translation>轮次</translation>
        </message>
        <message>
            <location filename="" />
            <source>Discriminator accuracy (real and generated)</source>
            <translation>判别器准确率（真实与生成样本）</translation>
        </message>
        <message>
            <location filename="" />
            <source>generator</source>
            <translation>生成器</translation>
        </message>
        <message>
            <location filename="" />
            <source>discriminator</source>
            <translation>判别器</translation>
        </message>
        <message>
            <location filename="" />
            <source>light: per batch (smoothed), dots: per epoch</source>
            <translation>浅色：每批次（平滑后），圆点：每轮</translation>
        </message>
        <message>
            <location filename="" />
            <source>Earlier runs:</source>
            <translation>之前的运行：</translation>
        </message>
    </context>
    <context>
        <name>GanSamplesView</name>
        <message>
            <location filename="../../widgets/training/gan_samples.py" />
            <location filename="" />
            <source>Train a GAN to see what its generator draws, after each epoch.</source>
            <translation>训练一个 GAN，每轮结束后查看生成器画出的样本。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Look back at what the generator drew after earlier epochs</source>
            <translation>回看生成器在之前各轮之后画出的样本</translation>
        </message>
        <message>
            <location filename="" />
            <source>The generator's samples appear here after each epoch.</source>
            <translation>每轮结束后，生成器的样本会显示在这里。</translation>
        </message>
        <message>
            <location filename="" />
            <source>after epoch %1 of %2</source>
            <translation>第 %1 轮（共 %2 轮）之后</translation>
        </message>
        <message>
            <location filename="" />
            <source>when the run stopped</source>
            <translation>训练停止时</translation>
        </message>
        <message>
            <location filename="" />
            <source>What the generator draws from the same %1 random noise vectors each epoch</source>
            <translation>每轮中生成器从同样的 %1 个随机噪声向量画出的样本</translation>
        </message>
    </context>
    <context>
        <name>HelpCard</name>
        <message>
            <location filename="../../widgets/help_card.py" />
            <source>Output shape of %1</source>
            <translation>%1 的输出形状</translation>
        </message>
        <message>
            <location filename="" />
            <source>Output shape</source>
            <translation>输出形状</translation>
        </message>
        <message>
            <location filename="" />
            <source>%1 does not fit its inputs yet, so this is the general form.</source>
            <translation>%1 目前与输入还不匹配，所以这里显示通用公式。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Weights it learns</source>
            <translation>要学习的权重</translation>
        </message>
        <message>
            <location filename="" />
            <source>none, this layer has nothing to learn.</source>
            <translation>无，这一层没有需要学习的参数。</translation>
        </message>
        <message>
            <location filename="" />
            <source>When to use it</source>
            <translation>何时使用</translation>
        </message>
        <message>
            <location filename="" />
            <source>Common mistake</source>
            <translation>常见错误</translation>
        </message>
        <message>
            <location filename="" />
            <source>Parameters</source>
            <translation>参数</translation>
        </message>
    </context>
    <context>
        <name>HelpPanel</name>
        <message>
            <location filename="../../widgets/help_panel.py" />
            <source>Select a layer on the canvas or in the Layers list to read about it.</source>
            <translation>在画布或“层”列表中选择一层，即可查看它的说明。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Building a model</source>
            <translation>搭建模型</translation>
        </message>
        <message>
            <location filename="" />
            <source>Drag a layer from the Layers list onto the canvas.</source>
            <translation>从“层”列表把一个层拖到画布上。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Drag from a node's right port to another node's left port to connect them.</source>
            <translation>从一个节点右侧的端口拖到另一个节点左侧的端口，把它们连起来。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Each node shows its output shape; the Problems list says what does not fit.</source>
            <translation>每个节点都显示它的输出形状；“问题”列表会说明哪里不匹配。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Choose a data set in the Training tab and press Train.</source>
            <translation>在“训练”标签页中选择数据集，然后点击“训练”。</translation>
        </message>
    </context>
    <context>
        <name>ImportReportDialog</name>
        <message>
            <location filename="../../widgets/import_dialogs.py" />
            <source>Import Refused</source>
            <translation>导入被拒绝</translation>
        </message>
        <message>
            <location filename="" />
            <source>Import Report</source>
            <translation>导入报告</translation>
        </message>
        <message>
            <location filename="" />
            <source>Nothing was read from the model.</source>
            <translation>没有从模型中读取到任何内容。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Or import the model up to node:</source>
            <translation>或者只导入到这个节点为止：</translation>
        </message>
        <message>
            <location filename="" />
            <source>Import Up to This Node</source>
            <translation>导入到这个节点为止</translation>
        </message>
        <message>
            <location filename="" />
            <source>Everything after the chosen node is left out and listed in the report.</source>
            <translation>所选节点之后的部分都不导入，并在报告中列出。</translation>
        </message>
    </context>
    <context>
        <name>Inspector</name>
        <message>
            <location filename="../../widgets/inspector.py" />
            <source>This layer has no settings.</source>
            <translation>这一层没有可设置的参数。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Model name</source>
            <translation>模型名称</translation>
        </message>
        <message>
            <location filename="" />
            <source>Name of the model</source>
            <translation>模型的名称</translation>
        </message>
        <message>
            <location filename="" />
            <source>The model's name, saved in its file and shown with its training runs</source>
            <translation>模型的名称：保存在模型文件中，并随它的各次训练运行一起显示</translation>
        </message>
        <message>
            <location filename="" />
            <source>Select a layer on the canvas to see and edit it.</source>
            <translation>在画布上选择一层，即可查看和编辑它。</translation>
        </message>
        <message numerus="yes">
            <location filename="" />
            <source>%n layers selected.</source>
            <translation>
                <numerusform>已选中 %n 层。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="" />
            <source>Output: &lt;b&gt;%1&lt;/b&gt;</source>
            <translation>输出：&lt;b&gt;%1&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="" />
            <source>(from %1)</source>
            <translation>（输入 %1）</translation>
        </message>
        <message>
            <location filename="" />
            <source>Parameters: %1</source>
            <translation>参数：%1</translation>
        </message>
        <message>
            <location filename="" />
            <source>Output unknown: waits for %1, which has a problem</source>
            <translation>输出未知：等待 %1，它有问题</translation>
        </message>
        <message>
            <location filename="" />
            <source>Output: does not fit (see below)</source>
            <translation>输出：不匹配（见下文）</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../widgets/canvas_edits.py" />
            <source>Drop to insert %1 between %2 and %3</source>
            <translation>松开即可把 %1 插入 %2 和 %3 之间</translation>
        </message>
        <message>
            <location filename="" />
            <source>Add %1 after %2</source>
            <translation>在 %2 之后添加 %1</translation>
        </message>
        <message>
            <location filename="" />
            <source>Connected %1 → %2</source>
            <translation>已连接 %1 → %2</translation>
        </message>
        <message>
            <location filename="" />
            <source>Deleted %1. To keep the layers around it connected, undo and use Delete and Reconnect (%2).</source>
            <translation>已删除 %1。如要让它前后的层保持相连，请撤销，再使用“删除并重新连接”（%2）。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Auto-arrange</source>
            <translation>自动排列</translation>
        </message>
        <message>
            <location filename="../../widgets/clipboard.py" />
            <source>Paste</source>
            <translation>粘贴</translation>
        </message>
        <message>
            <location filename="" />
            <source>Duplicate</source>
            <translation>复制一份</translation>
        </message>
        <message>
            <location filename="../../widgets/app.py" />
            <source>Cannot open project</source>
            <translation>无法打开项目</translation>
        </message>
        <message>
            <location filename="../../widgets/main_window.py" />
            <source>Layers</source>
            <translation>层</translation>
        </message>
        <message>
            <location filename="" />
            <source>Problems</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="" />
            <source>Inspector</source>
            <translation>属性</translation>
        </message>
        <message>
            <location filename="" />
            <source>Help</source>
            <translation>帮助</translation>
        </message>
        <message>
            <location filename="" />
            <source>Summary</source>
            <translation>摘要</translation>
        </message>
        <message>
            <location filename="" />
            <source>Search in progress</source>
            <translation>正在搜索</translation>
        </message>
        <message>
            <location filename="" />
            <source>A search is training its trials. Stop it (the finished trials stay) and close?</source>
            <translation>搜索正在训练它的试验。要停止搜索（已完成的试验会保留）并关闭吗？</translation>
        </message>
        <message numerus="yes">
            <location filename="" />
            <source>%1 layer(s) · %2 parameters</source>
            <translation>
                <numerusform>%1 层 · %2 个参数</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="" />
            <source>✗ %n problem(s)</source>
            <translation>
                <numerusform>✗ %n 个问题</numerusform>
            </translation>
        </message>
        <message>
            <location filename="" />
            <source>✓ fits together</source>
            <translation>✓ 各层匹配</translation>
        </message>
        <message>
            <location filename="" />
            <source>%1 %</source>
            <translation>%1%</translation>
        </message>
        <message>
            <location filename="" />
            <source>%1[*] — NetStudio</source>
            <translation>%1[*] — NetStudio</translation>
        </message>
        <message>
            <location filename="" />
            <source>&amp;Undo %1</source>
            <translation>撤销(&amp;U) %1</translation>
        </message>
        <message>
            <location filename="" />
            <source>&amp;Redo %1</source>
            <translation>重做(&amp;R) %1</translation>
        </message>
        <message>
            <location filename="" />
            <source>About NetStudio</source>
            <translation>关于 NetStudio</translation>
        </message>
        <message>
            <location filename="" />
            <source>&lt;h3&gt;NetStudio&lt;/h3&gt;&lt;p&gt;Build neural networks by drawing them: drag layers in, wire them up, and watch every shape update as you edit.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;NetStudio&lt;/h3&gt;&lt;p&gt;画出神经网络：拖入各层，把它们连起来，编辑时每一层的形状都会随之更新。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../widgets/model_import.py" />
            <source>Import Model</source>
            <translation>导入模型</translation>
        </message>
        <message>
            <location filename="" />
            <source>Keras, ONNX or PyTorch models (%1);;All files (*)</source>
            <translation>Keras、ONNX 或 PyTorch 模型 (%1);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="" />
            <source>Importing %1…</source>
            <translation>正在导入 %1…</translation>
        </message>
        <message>
            <location filename="" />
            <source>Cannot import the model</source>
            <translation>无法导入模型</translation>
        </message>
        <message numerus="yes">
            <location filename="" />
            <source>Imported '%1': %n layer(s)</source>
            <translation>
                <numerusform>已导入“%1”：%n 层</numerusform>
            </translation>
        </message>
        <message>
            <location filename="" />
            <source>, %1 parameters</source>
            <translation>，%1 个参数</translation>
        </message>
        <message>
            <location filename="" />
            <source>The model came with trained weights. Choose where to save the project next: the weights are saved beside it, as %1.</source>
            <translation>这个模型带有训练好的权重。接下来请选择项目的保存位置：权重会以 %1 保存在它旁边。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Save Imported Project As</source>
            <translation>导入的项目另存为</translation>
        </message>
        <message>
            <location filename="" />
            <source>Trained weights not saved</source>
            <translation>训练好的权重未保存</translation>
        </message>
        <message>
            <location filename="" />
            <source>The imported model is open without its trained weights. Import the file again and save it to keep them.</source>
            <translation>导入的模型已打开，但没有带上训练好的权重。要保留权重，请重新导入该文件并保存。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Cannot save project</source>
            <translation>无法保存项目</translation>
        </message>
        <message>
            <location filename="" />
            <source>Saved %1 and its trained weights %2</source>
            <translation>已保存 %1 及其训练好的权重 %2</translation>
        </message>
        <message>
            <location filename="" />
            <source>Replace weights?</source>
            <translation>替换权重？</translation>
        </message>
        <message>
            <location filename="" />
            <source>%1 already exists. Replace it with the imported model's weights?</source>
            <translation>%1 已存在。要用导入模型的权重替换它吗？</translation>
        </message>
        <message>
            <location filename="../../widgets/project_files.py" />
            <source>Arranged the layers: their positions were far outside any canvas.</source>
            <translation>已重新排列各层：它们的位置远在画布之外。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Arranged the layers: many of them lay on top of one another.</source>
            <translation>已重新排列各层：很多层叠在了一起。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Arranged the layers: in one long line they could not be read.</source>
            <translation>已重新排列各层：排成一长行时无法看清。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Untitled</source>
            <translation>未命名</translation>
        </message>
        <message>
            <location filename="" />
            <source>Cannot open template</source>
            <translation>无法打开模板</translation>
        </message>
        <message>
            <location filename="" />
            <source>New model from '%1'</source>
            <translation>已根据“%1”新建模型</translation>
        </message>
        <message>
            <location filename="" />
            <source>Open Project</source>
            <translation>打开项目</translation>
        </message>
        <message>
            <location filename="" />
            <source>Opened %1</source>
            <translation>已打开 %1</translation>
        </message>
        <message numerus="yes">
            <location filename="" />
            <source>%n note(s) on the file in the Problems list</source>
            <translation>
                <numerusform>“问题”列表中有 %n 条关于此文件的提示</numerusform>
            </translation>
        </message>
        <message>
            <location filename="" />
            <source>Save Project As</source>
            <translation>项目另存为</translation>
        </message>
        <message>
            <location filename="" />
            <source>Saved %1</source>
            <translation>已保存 %1</translation>
        </message>
        <message>
            <location filename="" />
            <source>Unsaved changes</source>
            <translation>未保存的更改</translation>
        </message>
        <message>
            <location filename="" />
            <source>'%1' has changes that are not saved. Save them first?</source>
            <translation>“%1”有未保存的更改。要先保存吗？</translation>
        </message>
        <message>
            <location filename="" />
            <source>Autosave failed: %1</source>
            <translation>自动保存失败：%1</translation>
        </message>
        <message>
            <location filename="" />
            <source>Restore unsaved work?</source>
            <translation>恢复未保存的工作？</translation>
        </message>
        <message>
            <location filename="" />
            <source>NetStudio did not close properly last time. Restore the work on '%1' autosaved at %2?</source>
            <translation>NetStudio 上次没有正常关闭。要恢复“%1”在 %2 自动保存的工作吗？</translation>
        </message>
        <message>
            <location filename="" />
            <source>Restored the autosaved work</source>
            <translation>已恢复自动保存的工作</translation>
        </message>
        <message>
            <location filename="" />
            <source>NetStudio projects (*.json);;All files (*)</source>
            <translation>NetStudio 项目 (*.json);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../widgets/training/window.py" />
            <location filename="" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="" />
            <source>Training</source>
            <translation>训练</translation>
        </message>
        <message>
            <location filename="" />
            <source>The model's graph and its problems (Ctrl+1)</source>
            <translation>模型结构图及其问题 (Ctrl+1)</translation>
        </message>
        <message>
            <location filename="" />
            <source>Training settings, progress and results (Ctrl+2)</source>
            <translation>训练设置、进度和结果 (Ctrl+2)</translation>
        </message>
        <message>
            <location filename="" />
            <source>&amp;Train</source>
            <translation>训练(&amp;T)</translation>
        </message>
        <message>
            <location filename="" />
            <source>Train the model on the data set (F5)</source>
            <translation>在数据集上训练模型 (F5)</translation>
        </message>
        <message>
            <location filename="" />
            <source>&amp;Pause</source>
            <translation>暂停(&amp;P)</translation>
        </message>
        <message>
            <location filename="" />
            <source>Pause or resume the training (F6)</source>
            <translation>暂停或继续训练 (F6)</translation>
        </message>
        <message>
            <location filename="" />
            <source>S&amp;top</source>
            <translation>停止(&amp;S)</translation>
        </message>
        <message>
            <location filename="" />
            <source>Stop the training; the model keeps what it has learnt</source>
            <translation>停止训练；模型保留已经学到的内容</translation>
        </message>
        <message>
            <location filename="" />
            <source>&amp;Export Trained Model…</source>
            <translation>导出训练好的模型(&amp;E)…</translation>
        </message>
        <message>
            <location filename="" />
            <source>Save the trained model as ONNX, PyTorch files or a Python package</source>
            <translation>将训练好的模型保存为 ONNX、PyTorch 文件或 Python 程序包</translation>
        </message>
        <message>
            <location filename="" />
            <source>Show &amp;Model</source>
            <translation>显示模型(&amp;M)</translation>
        </message>
        <message>
            <location filename="" />
            <source>Show T&amp;raining</source>
            <translation>显示训练(&amp;R)</translation>
        </message>
        <message>
            <location filename="" />
            <source>&amp;Run</source>
            <translation>运行(&amp;R)</translation>
        </message>
        <message>
            <location filename="" />
            <source>Training: epoch %1/%2 · %3 left</source>
            <translation>训练中：第 %1/%2 轮 · 还剩 %3</translation>
        </message>
        <message>
            <location filename="" />
            <source>Cannot create the run folder: %1</source>
            <translation>无法创建运行文件夹：%1</translation>
        </message>
        <message>
            <location filename="" />
            <source>Training a copy of the model: changes you make now apply to the next run.</source>
            <translation>正在训练模型的副本：现在所做的修改将在下一次训练时生效。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Cannot train yet. %1: %2 (the Problems list on the Model page shows it)</source>
            <translation>还不能训练。%1：%2（见“模型”页上的“问题”列表）</translation>
        </message>
        <message>
            <location filename="" />
            <source>Cannot train yet: fix %1, as the Problems list under the model says.</source>
            <translation>还不能训练：请按模型下方“问题”列表的说明修正 %1。</translation>
        </message>
        <message>
            <location filename="" />
            <source>the model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="" />
            <source>Train the model first, then export it.</source>
            <translation>请先训练模型，再导出。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Training in progress</source>
            <translation>正在训练</translation>
        </message>
        <message>
            <location filename="" />
            <source>A model is training. Stop the training and close?</source>
            <translation>模型正在训练。要停止训练并关闭吗？</translation>
        </message>
        <message>
            <location filename="" />
            <source>&amp;Resume</source>
            <translation>继续(&amp;R)</translation>
        </message>
        <message>
            <location filename="" />
            <source>Training paused</source>
            <translation>训练已暂停</translation>
        </message>
        <message>
            <location filename="" />
            <source>Stopping…</source>
            <translation>正在停止…</translation>
        </message>
        <message>
            <location filename="" />
            <source>Training…</source>
            <translation>正在训练…</translation>
        </message>
        <message numerus="yes">
            <location filename="" />
            <source>Evaluating on %1 test sample(s)…</source>
            <translation>
                <numerusform>正在 %1 个测试样本上评估…</numerusform>
            </translation>
        </message>
        <message>
            <location filename="" />
            <source>Stopped before training began.</source>
            <translation>训练开始前已停止。</translation>
        </message>
        <message>
            <location filename="" />
            <source>The running training keeps the model as it was when it started; this change applies to the next run.</source>
            <translation>正在进行的训练使用开始时的模型；这项修改将在下一次训练时生效。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Could not move the runs beside the project: %1</source>
            <translation>无法把运行记录移到项目旁边：%1</translation>
        </message>
        <message>
            <source>&amp;New Empty Model</source>
            <translation>新建空模型(&amp;N)</translation>
        </message>
        <message>
            <source>Start an empty model</source>
            <translation>从一个空模型开始</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>打开(&amp;O)…</translation>
        </message>
        <message>
            <source>Open a project file</source>
            <translation>打开项目文件</translation>
        </message>
        <message>
            <source>&amp;Import Model…</source>
            <translation>导入模型(&amp;I)…</translation>
        </message>
        <message>
            <source>Open a model made elsewhere: Keras code (.py) or an ONNX file</source>
            <translation>打开在别处建立的模型：Keras 代码（.py）或 ONNX 文件</translation>
        </message>
        <message>
            <source>Paste &amp;Keras Code…</source>
            <translation>粘贴 Keras 代码(&amp;K)…</translation>
        </message>
        <message>
            <source>Import a model from Keras code pasted into a box</source>
            <translation>从粘贴到文本框中的 Keras 代码导入模型</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>Save the project</source>
            <translation>保存项目</translation>
        </message>
        <message>
            <source>Save &amp;As…</source>
            <translation>另存为(&amp;A)…</translation>
        </message>
        <message>
            <source>Save the project under a new name</source>
            <translation>以新名称保存项目</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>重做(&amp;R)</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>剪切(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>复制(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>粘贴(&amp;P)</translation>
        </message>
        <message>
            <source>D&amp;uplicate</source>
            <translation>复制一份(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>删除(&amp;D)</translation>
        </message>
        <message>
            <source>Delete the selected layers and connections</source>
            <translation>删除选中的层和连接</translation>
        </message>
        <message>
            <source>Delete and &amp;Reconnect</source>
            <translation>删除并重新连接(&amp;R)</translation>
        </message>
        <message>
            <source>Delete the selected layer and connect its input to the layers it fed</source>
            <translation>删除选中的层，并把它的输入连到它原先输出到的各层</translation>
        </message>
        <message>
            <source>Select &amp;All</source>
            <translation>全选(&amp;A)</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>放大(&amp;I)</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>缩小(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Actual Size</source>
            <translation>实际大小(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Fit to View</source>
            <translation>适合窗口(&amp;F)</translation>
        </message>
        <message>
            <source>Show the whole model</source>
            <translation>显示整个模型</translation>
        </message>
        <message>
            <source>Auto-&amp;Arrange</source>
            <translation>自动排列(&amp;A)</translation>
        </message>
        <message>
            <source>Lay the model out left to right</source>
            <translation>将模型从左到右排列</translation>
        </message>
        <message>
            <source>&amp;About NetStudio</source>
            <translation>关于 NetStudio(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>New from &amp;Template</source>
            <translation>从模板新建(&amp;T)</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Settings</source>
            <translation>设置(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>主工具栏</translation>
        </message>
        <message>
            <source>New</source>
            <translation>新建</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>适合</translation>
        </message>
        <message>
            <source>Arrange</source>
            <translation>排列</translation>
        </message>
        <message>
            <source>Clear Menu</source>
            <translation>清空菜单</translation>
        </message>
        <message>
            <source>System</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>No recent files</source>
            <translation>没有最近打开的文件</translation>
        </message>
        <message>
            <source>Follow the language of the operating system</source>
            <translation>使用操作系统的语言</translation>
        </message>
        <message>
            <source>Keras code or ONNX models (%1);;All files (*)</source>
            <translation type="vanished">Keras 代码或 ONNX 模型 (%1);;所有文件 (*)</translation>
        </message>
        <message>
            <source>%1 layers · %2 parameters</source>
            <translation type="vanished">%1 层 · %2 个参数</translation>
        </message>
        <message>
            <source>&amp;Training</source>
            <translation type="vanished">训练(&amp;T)</translation>
        </message>
        <message>
            <source>The model does not fit together yet: fix what the Problems list shows, then train.</source>
            <translation type="vanished">模型的各层还不匹配：先修正“问题”列表中列出的问题，再开始训练。</translation>
        </message>
        <message>
            <source>%1 generator</source>
            <translation type="vanished">%1 生成器</translation>
        </message>
        <message>
            <source>This run trained a GAN: what is exported is its generator, which turns a vector of random numbers into a new image. The discriminator only served the training; it stays in the run folder.</source>
            <translation type="vanished">这次运行训练的是 GAN：导出的是它的生成器，它把一个随机数向量变成一张新图像。判别器只在训练中起作用，它仍保留在运行文件夹中。</translation>
        </message>
    </context>
    <context>
        <name>NodeItem</name>
        <message>
            <source>Output: drag from here to an input to connect</source>
            <translation>输出：从这里拖到某个输入即可连接</translation>
        </message>
        <message>
            <source>Input %1: drag an output here</source>
            <translation>输入 %1：把某个输出拖到这里</translation>
        </message>
        <message>
            <source>no weights</source>
            <translation>无权重</translation>
        </message>
        <message>
            <source>%1 parameters</source>
            <translation>%1 个参数</translation>
        </message>
        <message>
            <source>waits for %1</source>
            <translation>等待 %1</translation>
        </message>
        <message>
            <source>%1 frozen parameters</source>
            <translation>%1 个冻结参数</translation>
        </message>
        <message>
            <source>Waits for %1, which has a problem</source>
            <translation>等待 %1，它有问题</translation>
        </message>
        <message>
            <source>%1 trainable + %2 frozen</source>
            <translation>%1 个可训练 + %2 个冻结</translation>
        </message>
        <message>
            <source>Output: %1</source>
            <translation>输出：%1</translation>
        </message>
        <message>
            <source>All %1 parameters are frozen: training leaves them as they are</source>
            <translation>全部 %1 个参数都已冻结：训练不会改变它们</translation>
        </message>
        <message>
            <source>%1 parameters; Keras' model.summary() counts %2</source>
            <translation>%1 个参数；Keras 的 model.summary() 计为 %2 个</translation>
        </message>
        <message>
            <source>%1 parameters train, %2 are frozen (training leaves them as they are)</source>
            <translation>%1 个参数参与训练，%2 个被冻结（训练不会改变它们）</translation>
        </message>
        <message>
            <source>%1 parameters, all frozen</source>
            <translation type="vanished">%1 个参数，全部冻结</translation>
        </message>
    </context>
    <context>
        <name>OptimizerComparison</name>
        <message>
            <location filename="../../widgets/training/compare.py" />
            <source>&amp;Compare Optimizers…</source>
            <translation>比较优化器(&amp;C)…</translation>
        </message>
        <message>
            <location filename="" />
            <source>Train the model once per optimizer, same data and seed, curves overlaid</source>
            <translation>每个优化器训练一遍模型，数据和随机种子相同，曲线叠加显示</translation>
        </message>
        <message>
            <location filename="" />
            <source>Tick at least one optimizer to compare.</source>
            <translation>请至少勾选一个要比较的优化器。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Cannot create the run folder: %1</source>
            <translation>无法创建运行文件夹：%1</translation>
        </message>
        <message>
            <location filename="" />
            <source>Comparing optimizers: run %1 of %2, %3</source>
            <translation>正在比较优化器：第 %1 次运行（共 %2 次），%3</translation>
        </message>
        <message>
            <location filename="" />
            <source>Comparison stopped after %1 runs.</source>
            <translation>比较在 %1 次运行后停止。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Compared %1 optimizers.</source>
            <translation>已比较 %1 个优化器。</translation>
        </message>
        <message>
            <source>The model does not fit together yet: fix what the Problems list shows, then compare.</source>
            <translation type="vanished">模型的各层还不匹配：先修正“问题”列表中列出的问题，再进行比较。</translation>
        </message>
    </context>
    <context>
        <name>Optimizers</name>
        <message>
            <location filename="../../widgets/training/optimizer_names.py" />
            <source>SGD</source>
            <translation>SGD</translation>
        </message>
        <message>
            <location filename="" />
            <source>SGD with momentum</source>
            <translation>带动量的 SGD</translation>
        </message>
        <message>
            <location filename="" />
            <source>Adam</source>
            <translation>Adam</translation>
        </message>
        <message>
            <location filename="" />
            <source>AdamW</source>
            <translation>AdamW</translation>
        </message>
        <message>
            <location filename="" />
            <source>RMSprop</source>
            <translation>RMSprop</translation>
        </message>
        <message>
            <location filename="" />
            <source>SGD with Nesterov momentum</source>
            <translation>带 Nesterov 动量的 SGD</translation>
        </message>
        <message>
            <location filename="" />
            <source>Steps straight down the gradient, the same size for every weight.</source>
            <translation>沿梯度方向直接下降，每个权重的步长都一样。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Keeps part of the last step, so it rolls through small bumps.</source>
            <translation>保留上一步的一部分，因此能冲过小的起伏。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Scales each weight's step by its recent gradients; a safe default.</source>
            <translation>根据每个权重最近的梯度调整它的步长；稳妥的默认选择。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Adam with weight decay applied apart from the gradient step.</source>
            <translation>权重衰减与梯度更新分开进行的 Adam。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Divides each step by the recent size of that weight's gradients.</source>
            <translation>每一步都除以该权重最近梯度的大小。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Momentum that looks one step ahead before it moves.</source>
            <translation>先向前看一步再移动的动量。</translation>
        </message>
    </context>
    <context>
        <name>PairGrid</name>
        <message>
            <location filename="../../widgets/training/reconstructions.py" />
            <source>input</source>
            <translation>输入</translation>
        </message>
        <message>
            <location filename="" />
            <source>output</source>
            <translation>输出</translation>
        </message>
        <message>
            <location filename="" />
            <source>error %1</source>
            <translation>误差 %1</translation>
        </message>
    </context>
    <context>
        <name>Palette</name>
        <message>
            <location filename="../../widgets/palette.py" />
            <source>Search layers…</source>
            <translation>搜索层…</translation>
        </message>
    </context>
    <context>
        <name>ParallelCoordinates</name>
        <message>
            <location filename="../../widgets/search/plots.py" />
            <source>Parallel coordinates</source>
            <translation>平行坐标图</translation>
        </message>
        <message>
            <location filename="" />
            <source>Colour: the score, yellow the best, purple the worst.</source>
            <translation>颜色表示评分：黄色最好，紫色最差。</translation>
        </message>
    </context>
    <context>
        <name>ParamEditors</name>
        <message>
            <source>Depth</source>
            <translation>深</translation>
        </message>
        <message>
            <source>Height</source>
            <translation>高</translation>
        </message>
        <message>
            <source>Width</source>
            <translation>宽</translation>
        </message>
    </context>
    <context>
        <name>PasteKerasDialog</name>
        <message>
            <location filename="../../widgets/import_dialogs.py" />
            <source>Paste Keras Code</source>
            <translation>粘贴 Keras 代码</translation>
        </message>
        <message>
            <location filename="" />
            <source>Paste the Python code that builds the Keras model (Sequential or the functional API, with compile and fit if you like). NetStudio reads the code; it never runs it.</source>
            <translation>粘贴构建 Keras 模型的 Python 代码（Sequential 或函数式 API，也可以包含 compile 和 fit）。NetStudio 只读取代码，从不运行它。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Import</source>
            <translation>导入</translation>
        </message>
    </context>
    <context>
        <name>PredictionGrid</name>
        <message>
            <location filename="../../widgets/training/predictions.py" />
            <source>true: %1</source>
            <translation>真实：%1</translation>
        </message>
        <message>
            <location filename="" />
            <source>Test sample %1</source>
            <translation>测试样本 %1</translation>
        </message>
        <message>
            <location filename="" />
            <source>Predicted: %1 (%2)</source>
            <translation>预测：%1（%2）</translation>
        </message>
        <message>
            <location filename="" />
            <source>True: %1</source>
            <translation>真实：%1</translation>
        </message>
        <message>
            <location filename="" />
            <source>Click to see its activations.</source>
            <translation>点击查看它的激活值。</translation>
        </message>
    </context>
    <context>
        <name>PredictionsView</name>
        <message>
            <location filename="" />
            <source>Train the model to see its predictions on test samples.</source>
            <translation>训练模型后，可在这里查看它对测试样本的预测。</translation>
        </message>
        <message>
            <location filename="" />
            <source>All samples</source>
            <translation>全部样本</translation>
        </message>
        <message>
            <location filename="" />
            <source>Mistakes only</source>
            <translation>仅看错误</translation>
        </message>
        <message>
            <location filename="" />
            <source>Least confident</source>
            <translation>最没把握的</translation>
        </message>
        <message>
            <location filename="" />
            <source>Other samples</source>
            <translation>换一批样本</translation>
        </message>
        <message>
            <location filename="" />
            <source>This model does not classify, so there are no class predictions to show.</source>
            <translation>这个模型不做分类，所以没有类别预测可以显示。</translation>
        </message>
        <message>
            <location filename="" />
            <source>&lt;b&gt;%1&lt;/b&gt; right on %2 test samples of %3 · %4 mistakes</source>
            <translation>%3 的 %2 个测试样本中 &lt;b&gt;%1&lt;/b&gt; 正确 · %4 个错误</translation>
        </message>
    </context>
    <context>
        <name>ProblemsList</name>
        <message>
            <location filename="../../widgets/problems.py" />
            <source>No problems: the model fits together.</source>
            <translation>没有问题：模型各层相互匹配。</translation>
        </message>
        <message>
            <location filename="" />
            <source>%1 (%2): %3</source>
            <comment>node id (layer title): message</comment>
            <translation>%1（%2）：%3</translation>
        </message>
    </context>
    <context>
        <name>ReconstructionsView</name>
        <message>
            <location filename="../../widgets/training/reconstructions.py" />
            <location filename="" />
            <source>Train an autoencoder to see test samples beside its reconstructions.</source>
            <translation>训练一个自编码器，即可并排查看测试样本及其重建结果。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Other samples</source>
            <translation>换一批样本</translation>
        </message>
        <message>
            <location filename="" />
            <source>Left: a test sample of %1; right: what the model rebuilds from it. Mean squared error on these %2: &lt;b&gt;%3&lt;/b&gt;</source>
            <translation>左：%1 的测试样本；右：模型由它重建出的结果。这 %2 个样本的均方误差：&lt;b&gt;%3&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="" />
            <source>test loss %1</source>
            <translation>测试损失 %1</translation>
        </message>
    </context>
    <context>
        <name>ResizePreview</name>
        <message>
            <location filename="../../widgets/training/augment_preview.py" />
            <source>Each row: a training image, then %1 random draws of it as training sees them.</source>
            <translation>每一行：一张训练图像，以及训练时看到的 %1 个随机增强版本。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Shuffle</source>
            <translation>重新抽取</translation>
        </message>
        <message>
            <location filename="" />
            <source>New random draws of the augmentation</source>
            <translation>重新随机生成增强样本</translation>
        </message>
        <message>
            <location filename="" />
            <source>Reading a few images of %1…</source>
            <translation>正在读取 %1 中的几张图像…</translation>
        </message>
        <message>
            <location filename="" />
            <source>The images cannot be read: %1</source>
            <translation>无法读取图像：%1</translation>
        </message>
        <message>
            <location filename="" />
            <source>%1 is not downloaded yet: showing the built-in synthetic shapes.</source>
            <translation>%1 尚未下载：先显示内置的合成图形。</translation>
        </message>
        <message>
            <location filename="" />
            <source>%1 holds no images, and augmentation changes images only (training skips it here): showing the built-in synthetic shapes.</source>
            <translation>%1 中没有图像，而数据增强只作用于图像（此处训练会跳过它）：先显示内置的合成图形。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Choose the image folder to see its images; meanwhile, the built-in synthetic shapes.</source>
            <translation>选择图像文件夹即可查看其中的图像；在此之前显示内置的合成图形。</translation>
        </message>
        <message>
            <location filename="" />
            <source>%1 cannot be read (%2): showing the built-in synthetic shapes.</source>
            <translation>无法读取 %1（%2）：先显示内置的合成图形。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Showing the built-in synthetic shapes.</source>
            <translation>显示内置的合成图形。</translation>
        </message>
        <message>
            <location filename="../../widgets/training/resize_preview.py" />
            <source>As the model will see them</source>
            <translation>模型将看到的样子</translation>
        </message>
        <message>
            <location filename="" />
            <source>As the model will see them: %1 × %2 pixels (height × width)</source>
            <translation>模型将看到的样子：%1 × %2 像素（高 × 宽）</translation>
        </message>
    </context>
    <context>
        <name>RunCodeDialog</name>
        <message>
            <location filename="../../widgets/import_dialogs.py" />
            <source>Run This File's Code?</source>
            <translation>运行这个文件的代码？</translation>
        </message>
        <message>
            <location filename="" />
            <source>%1 defines a PyTorch model (%2). To import it, NetStudio must run the file's Python code: it does so in a separate process, makes the model and traces it. The code can do anything your user account can, so run it only if you trust the file.</source>
            <translation>%1 定义了一个 PyTorch 模型（%2）。要导入它，NetStudio 必须运行这个文件的 Python 代码：它会在一个单独的进程中运行，创建模型并对其进行追踪（trace）。这些代码能做你的用户账户能做的任何事，所以只有在你信任这个文件时才运行它。</translation>
        </message>
        <message>
            <location filename="" />
            <source>such as 1,28,28; empty when it starts with Linear</source>
            <translation>例如 1,28,28；模型以 Linear 开头时留空</translation>
        </message>
        <message>
            <location filename="" />
            <source>Model class:</source>
            <translation>模型类：</translation>
        </message>
        <message>
            <location filename="" />
            <source>Input shape (without the batch):</source>
            <translation>输入形状（不含批量维度）：</translation>
        </message>
        <message>
            <location filename="" />
            <source>Run and Import</source>
            <translation>运行并导入</translation>
        </message>
        <message>
            <location filename="" />
            <source>Give whole sizes separated by commas, such as 1,28,28.</source>
            <translation>请给出用逗号分隔的整数尺寸，例如 1,28,28。</translation>
        </message>
    </context>
    <context>
        <name>RunsView</name>
        <message>
            <location filename="../../widgets/training/runs_view.py" />
            <source>Open Folder</source>
            <translation>打开文件夹</translation>
        </message>
        <message>
            <location filename="" />
            <source>Export This Run…</source>
            <translation>导出此次运行…</translation>
        </message>
        <message>
            <location filename="" />
            <source>Tick runs to lay their curves over the plots.</source>
            <translation>勾选运行，即可把它们的曲线叠加到图上。</translation>
        </message>
        <message numerus="yes">
            <location filename="" />
            <source>%1 run(s), kept in %2</source>
            <translation>
                <numerusform>%1 次运行，保存在 %2</numerusform>
            </translation>
        </message>
        <message>
            <location filename="" />
            <source>No runs yet. Runs are kept in %1</source>
            <translation>还没有运行记录。运行结果保存在 %1</translation>
        </message>
        <message>
            <location filename="" />
            <source>finished</source>
            <translation>已完成</translation>
        </message>
        <message>
            <location filename="" />
            <source>stopped</source>
            <translation>已停止</translation>
        </message>
        <message>
            <location filename="" />
            <source>stopped early</source>
            <translation>提前停止</translation>
        </message>
        <message>
            <location filename="" />
            <source>failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <location filename="" />
            <source>running</source>
            <translation>运行中</translation>
        </message>
        <message numerus="yes">
            <location filename="" />
            <source>%1 · %2 · %3 epoch(s)</source>
            <translation>
                <numerusform>%1 · %2 · %3 轮</numerusform>
            </translation>
        </message>
        <message>
            <location filename="" />
            <source>test %1</source>
            <translation>测试 %1</translation>
        </message>
        <message>
            <location filename="" />
            <source>gap %1</source>
            <translation>差距 %1</translation>
        </message>
        <message>
            <location filename="" />
            <source>test loss %1</source>
            <translation>测试损失 %1</translation>
        </message>
        <message>
            <source>Runs: %1, kept in %2</source>
            <translation type="vanished">运行：%1 次，保存在 %2</translation>
        </message>
        <message>
            <source>%1 · %2 · epochs: %3</source>
            <translation type="vanished">%1 · %2 · 轮数：%3</translation>
        </message>
    </context>
    <context>
        <name>ScoreScatter</name>
        <message>
            <location filename="../../widgets/search/plots.py" />
            <source>Score against a value</source>
            <translation>评分与某个值的关系</translation>
        </message>
        <message>
            <location filename="" />
            <source>Value:</source>
            <translation>值：</translation>
        </message>
    </context>
    <context>
        <name>SearchApply</name>
        <message>
            <source>The project already has these values.</source>
            <translation>项目已经是这些值。</translation>
        </message>
        <message>
            <source>The values were not applied.</source>
            <translation>这些值没有被应用。</translation>
        </message>
        <message>
            <source>Applied: %1. Undo takes them back.</source>
            <translation>已应用：%1。撤销可以恢复原值。</translation>
        </message>
        <message>
            <source>The model has no layer %1 any more: the trial's values cannot be applied.</source>
            <translation>模型中已经没有层 %1：无法应用这次试验的值。</translation>
        </message>
    </context>
    <context>
        <name>SearchDialog</name>
        <message>
            <location filename="../../widgets/search/dialog.py" />
            <source>Search Hyperparameters</source>
            <translation>搜索超参数</translation>
        </message>
        <message>
            <location filename="" />
            <source>Trains the model once per trial with other values of what you search, and scores each trial on the validation set (never the test set). Right-click a training setting or a layer's parameter and choose Search This… to add it.</source>
            <translation>每次试验用所搜索项的不同值训练一次模型，并在验证集上给每次试验评分（从不使用测试集）。右键点击一项训练设置或某层的参数，选择“搜索此项…”即可添加。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <location filename="" />
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <location filename="" />
            <source>Search also:</source>
            <translation>再添加搜索项：</translation>
        </message>
        <message>
            <location filename="" />
            <source>Values: a list such as 32,64,128 or adam,sgd; a range LOW..HIGH such as 0.1..0.5. A log range spreads its trials evenly over the orders of magnitude (for learning rates).</source>
            <translation>值：一个列表，例如 32,64,128 或 adam,sgd；或一个范围 LOW..HIGH，例如 0.1..0.5。对数范围让试验均匀分布在各个数量级上（适用于学习率）。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Bayesian (TPE): learns where good values are</source>
            <translation>贝叶斯（TPE）：根据已完成的试验寻找好的值</translation>
        </message>
        <message>
            <location filename="" />
            <source>Random</source>
            <translation>随机</translation>
        </message>
        <message>
            <location filename="" />
            <source>Grid: every combination of the lists</source>
            <translation>网格：列表的所有组合</translation>
        </message>
        <message>
            <location filename="" />
            <source>None: every trial runs all its epochs</source>
            <translation>无：每次试验都运行完所有轮次</translation>
        </message>
        <message>
            <location filename="" />
            <source>Median: stop a trial below the others' median</source>
            <translation>中位数：试验低于其他试验的中位数时停止</translation>
        </message>
        <message>
            <location filename="" />
            <source>Successive halving</source>
            <translation>逐次减半（successive halving）</translation>
        </message>
        <message>
            <location filename="" />
            <source>Hyperband</source>
            <translation>Hyperband</translation>
        </message>
        <message>
            <location filename="" />
            <source>Validation accuracy (higher is better)</source>
            <translation>验证准确率（越高越好）</translation>
        </message>
        <message>
            <location filename="" />
            <source>Validation loss (lower is better)</source>
            <translation>验证损失（越低越好）</translation>
        </message>
        <message>
            <location filename="" />
            <source>Trials</source>
            <translation>试验次数</translation>
        </message>
        <message>
            <location filename="" />
            <source>Sampler</source>
            <translation>采样器</translation>
        </message>
        <message>
            <location filename="" />
            <source>Early pruning</source>
            <translation>提前剪枝</translation>
        </message>
        <message>
            <location filename="" />
            <source>Objective</source>
            <translation>目标指标</translation>
        </message>
        <message>
            <location filename="" />
            <source>Epochs per trial</source>
            <translation>每次试验的轮数</translation>
        </message>
        <message>
            <location filename="" />
            <source>Start Search</source>
            <translation>开始搜索</translation>
        </message>
        <message>
            <location filename="" />
            <source>Add something to search: right-click a training setting or a layer's parameter, or choose it above and press Add.</source>
            <translation>请添加要搜索的项：右键点击一项训练设置或某层的参数，或在上方选择它并点击“添加”。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Fix the rows marked ✗ first.</source>
            <translation>请先修正标有 ✗ 的行。</translation>
        </message>
        <message>
            <location filename="" />
            <source>The grid has %1 points: one trial each.</source>
            <translation>网格共有 %1 个点：每个点一次试验。</translation>
        </message>
    </context>
    <context>
        <name>SearchMenuHook</name>
        <message>
            <location filename="../../widgets/search/context_menu.py" />
            <source>Search This…</source>
            <translation>搜索此项…</translation>
        </message>
        <message>
            <location filename="" />
            <source>Add %1 to the search space and open the Search dialog</source>
            <translation>把 %1 加入搜索空间，并打开“搜索”对话框</translation>
        </message>
    </context>
    <context>
        <name>SearchOpenRun</name>
        <message>
            <source>finished</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>stopped</source>
            <translation>已停止</translation>
        </message>
        <message>
            <source>stopped early</source>
            <translation>提前停止</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>running</source>
            <translation>运行中</translation>
        </message>
        <message>
            <source>validation %1</source>
            <translation>验证 %1</translation>
        </message>
        <message>
            <source>test %1</source>
            <translation>测试 %1</translation>
        </message>
        <message>
            <source>Search trial %1 · %2 · %3 epoch(s)</source>
            <translation>搜索试验 %1 · %2 · %3 轮</translation>
        </message>
    </context>
    <context>
        <name>SearchSession</name>
        <message>
            <location filename="../../widgets/search/session.py" />
            <location filename="" />
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <location filename="" />
            <source>Hyperparameter search: its trials, curves and plots (Ctrl+3)</source>
            <translation>超参数搜索：试验、曲线和图表 (Ctrl+3)</translation>
        </message>
        <message>
            <location filename="" />
            <source>&amp;Search Hyperparameters…</source>
            <translation>搜索超参数(&amp;S)…</translation>
        </message>
        <message>
            <location filename="" />
            <source>Train the model several times with other values and keep the best, scored on the validation set</source>
            <translation>用不同的值多次训练模型，按验证集上的评分保留最好的一次</translation>
        </message>
        <message>
            <location filename="" />
            <source>Show &amp;Search</source>
            <translation>显示搜索(&amp;S)</translation>
        </message>
        <message>
            <location filename="" />
            <source>A model is training: stop it or let it finish, then search.</source>
            <translation>有模型正在训练：请停止它或等它训练完，再开始搜索。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Apply Best Trial %1</source>
            <translation>应用最佳试验 %1</translation>
        </message>
        <message>
            <location filename="" />
            <source>Trial %1 left no run to show.</source>
            <translation>试验 %1 没有留下可显示的运行。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Search stopped: %1 trials kept.</source>
            <translation>搜索已停止：保留了 %1 次试验。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Search finished: %1 trials.</source>
            <translation>搜索完成：共 %1 次试验。</translation>
        </message>
    </context>
    <context>
        <name>SearchSide</name>
        <message>
            <location filename="" />
            <source>Search space</source>
            <translation>搜索空间</translation>
        </message>
        <message>
            <location filename="" />
            <source>Edit and Start…</source>
            <translation>编辑并开始…</translation>
        </message>
        <message>
            <location filename="" />
            <source>Nothing yet. Right-click a training setting or a layer's parameter and choose Search This…</source>
            <translation>还没有内容。右键点击一项训练设置或某层的参数，选择“搜索此项…”</translation>
        </message>
        <message>
            <location filename="" />
            <source>The trials of the last search, each an ordinary run, are kept in %1</source>
            <translation>上一次搜索的各次试验（每次都是一次普通的运行）保存在 %1</translation>
        </message>
    </context>
    <context>
        <name>SearchView</name>
        <message>
            <location filename="../../widgets/search/view.py" />
            <source>New Search…</source>
            <translation>新建搜索…</translation>
        </message>
        <message>
            <location filename="" />
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <location filename="" />
            <source>Stop after the running trial's current batch; the finished trials stay</source>
            <translation>在正在运行的试验完成当前批次后停止；已完成的试验会保留</translation>
        </message>
        <message>
            <location filename="" />
            <source>Apply Best</source>
            <translation>应用最佳</translation>
        </message>
        <message>
            <location filename="" />
            <source>Set the project's values to the best trial's (one step to undo)</source>
            <translation>把项目的值设为最佳试验的值（一步即可撤销）</translation>
        </message>
        <message>
            <location filename="" />
            <source>Open Run</source>
            <translation>打开运行</translation>
        </message>
        <message>
            <location filename="" />
            <source>Show the selected trial's run on the Training page</source>
            <translation>在“训练”页面上显示所选试验的运行</translation>
        </message>
        <message>
            <location filename="" />
            <source>validation loss</source>
            <translation>验证损失</translation>
        </message>
        <message>
            <location filename="" />
            <source>validation accuracy</source>
            <translation>验证准确率</translation>
        </message>
        <message>
            <location filename="" />
            <source>Trial</source>
            <translation>试验</translation>
        </message>
        <message>
            <location filename="" />
            <source>Score</source>
            <translation>评分</translation>
        </message>
        <message>
            <location filename="" />
            <source>Epochs</source>
            <translation>轮数</translation>
        </message>
        <message>
            <location filename="" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="" />
            <source>Time</source>
            <translation>用时</translation>
        </message>
        <message>
            <location filename="" />
            <source>complete</source>
            <translation>已完成</translation>
        </message>
        <message>
            <location filename="" />
            <source>pruned</source>
            <translation>已剪枝</translation>
        </message>
        <message>
            <location filename="" />
            <source>failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <location filename="" />
            <source>stopped</source>
            <translation>已停止</translation>
        </message>
        <message>
            <location filename="" />
            <source>interrupted</source>
            <translation>已中断</translation>
        </message>
        <message>
            <location filename="" />
            <source>running</source>
            <translation>运行中</translation>
        </message>
        <message>
            <location filename="" />
            <source>waiting</source>
            <translation>等待中</translation>
        </message>
        <message>
            <location filename="" />
            <source>Loading the data set…</source>
            <translation>正在加载数据集…</translation>
        </message>
        <message>
            <location filename="" />
            <source>Stopping after this batch…</source>
            <translation>这一批次结束后停止…</translation>
        </message>
        <message>
            <location filename="" />
            <source>Searching: %1 of %2 trials done</source>
            <translation>正在搜索：已完成 %1/%2 次试验</translation>
        </message>
        <message>
            <location filename="" />
            <source>No search yet: New Search…, or right-click a setting or a layer's parameter → Search This…</source>
            <translation>还没有搜索：点击“新建搜索…”，或右键点击一项设置或某层的参数 → “搜索此项…”</translation>
        </message>
        <message>
            <location filename="" />
            <source>%1 of %2 trials done</source>
            <translation>已完成 %1/%2 次试验</translation>
        </message>
        <message>
            <location filename="" />
            <source>best: trial %1, %2</source>
            <translation>最佳：试验 %1，%2</translation>
        </message>
    </context>
    <context>
        <name>SearchWorker</name>
        <message>
            <location filename="../../widgets/search/worker.py" />
            <source>The search failed unexpectedly: %1</source>
            <translation>搜索意外失败：%1</translation>
        </message>
    </context>
    <context>
        <name>SettingsForm</name>
        <message>
            <location filename="../../widgets/training/settings_form.py" />
            <source>Basics</source>
            <translation>基本设置</translation>
        </message>
        <message>
            <location filename="" />
            <source>Optimizer details</source>
            <translation>优化器细节</translation>
        </message>
        <message>
            <location filename="" />
            <source>Schedule and early stopping</source>
            <translation>学习率调度与提前停止</translation>
        </message>
        <message>
            <location filename="" />
            <source>Seed, initialisation, precision</source>
            <translation>随机种子、初始化、精度</translation>
        </message>
        <message>
            <location filename="" />
            <source>Augmentation (images)</source>
            <translation>数据增强（图像）</translation>
        </message>
        <message>
            <source>Training</source>
            <translation type="vanished">训练</translation>
        </message>
    </context>
    <context>
        <name>SpaceTable</name>
        <message>
            <location filename="../../widgets/search/space_table.py" />
            <source>Setting or parameter</source>
            <translation>设置或参数</translation>
        </message>
        <message>
            <location filename="" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="" />
            <source>Values</source>
            <translation>值</translation>
        </message>
        <message>
            <location filename="" />
            <source>Check</source>
            <translation>检查</translation>
        </message>
        <message>
            <location filename="" />
            <source>List of values</source>
            <translation>值列表</translation>
        </message>
        <message>
            <location filename="" />
            <source>Range</source>
            <translation>范围</translation>
        </message>
        <message>
            <location filename="" />
            <source>Log range</source>
            <translation>对数范围</translation>
        </message>
        <message numerus="yes">
            <location filename="" />
            <source>✓ %n value(s)</source>
            <translation>
                <numerusform>✓ %n 个值</numerusform>
            </translation>
        </message>
        <message>
            <location filename="" />
            <source>✓ log scale</source>
            <translation>✓ 对数刻度</translation>
        </message>
        <message>
            <location filename="" />
            <source>✓ linear scale</source>
            <translation>✓ 线性刻度</translation>
        </message>
    </context>
    <context>
        <name>SummaryPanel</name>
        <message>
            <location filename="../../widgets/summary_panel.py" />
            <source>Layer</source>
            <translation>层</translation>
        </message>
        <message>
            <location filename="" />
            <source>Output</source>
            <translation>输出</translation>
        </message>
        <message>
            <location filename="" />
            <source>Params</source>
            <translation>参数</translation>
        </message>
        <message>
            <location filename="" />
            <source>FLOPs</source>
            <translation>FLOPs</translation>
        </message>
        <message>
            <location filename="" />
            <source>FLOPs unavailable: %1</source>
            <translation>无法计算 FLOPs：%1</translation>
        </message>
        <message>
            <location filename="" />
            <source>✗ does not fit</source>
            <translation>✗ 不匹配</translation>
        </message>
        <message>
            <location filename="" />
            <source>waits</source>
            <translation>等待</translation>
        </message>
        <message numerus="yes">
            <location filename="" />
            <source>&lt;b&gt;%1&lt;/b&gt; layer(s) · &lt;b&gt;%2&lt;/b&gt; parameters</source>
            <translation>
                <numerusform>&lt;b&gt;%1&lt;/b&gt; 层 · &lt;b&gt;%2&lt;/b&gt; 个参数</numerusform>
            </translation>
        </message>
        <message>
            <location filename="" />
            <source>(Keras' model.summary(): %1)</source>
            <translation>（Keras 的 model.summary()：%1）</translation>
        </message>
        <message>
            <location filename="" />
            <source>(trainable: %1, frozen: %2)</source>
            <translation>（可训练：%1，冻结：%2）</translation>
        </message>
        <message>
            <location filename="" />
            <source>counting FLOPs…</source>
            <translation>正在计算 FLOPs…</translation>
        </message>
        <message>
            <location filename="" />
            <source>&lt;b&gt;%1&lt;/b&gt; FLOPs per sample</source>
            <translation>每个样本 &lt;b&gt;%1&lt;/b&gt; FLOPs</translation>
        </message>
        <message>
            <location filename="" />
            <source>FLOPs when the model fits</source>
            <translation>模型匹配后显示 FLOPs</translation>
        </message>
        <message>
            <location filename="" />
            <source>%1 (Keras: %2)</source>
            <comment>parameters in PyTorch (in Keras)</comment>
            <translation>%1（Keras：%2）</translation>
        </message>
        <message>
            <location filename="" />
            <source>(all frozen)</source>
            <translation>（全部冻结）</translation>
        </message>
        <message>
            <location filename="" />
            <source>(%1 frozen)</source>
            <translation>（%1 个冻结）</translation>
        </message>
        <message>
            <location filename="" />
            <source>Frozen parameters keep their pretrained values: training changes only the others</source>
            <translation>冻结的参数保持预训练得到的值：训练只改变其余参数</translation>
        </message>
        <message>
            <location filename="" />
            <source>Keras' model.summary() counts this layer's parameters differently from PyTorch: e.g. an LSTM or SimpleRNN has one bias per gate in Keras, two in PyTorch; Keras counts BatchNorm's moving mean and variance as non-trainable parameters</source>
            <translation>Keras 的 model.summary() 对这一层参数的计数与 PyTorch 不同：例如 LSTM 或 SimpleRNN 在 Keras 中每个门有一个偏置，在 PyTorch 中有两个；Keras 把 BatchNorm 的滑动均值和方差算作不可训练参数</translation>
        </message>
        <message>
            <source>(frozen: %1)</source>
            <translation type="vanished">（冻结：%1）</translation>
        </message>
        <message>
            <source>Keras counts this layer differently: an LSTM or SimpleRNN has one bias per gate there, two in PyTorch; BatchNorm's moving mean and variance count as (non-trainable) parameters there, as buffers in PyTorch</source>
            <translation type="vanished">Keras 对这一层的计数方式不同：在 Keras 中 LSTM 或 SimpleRNN 的每个门只有一个偏置，PyTorch 中有两个；BatchNorm 的滑动均值和方差在 Keras 中算作（不可训练的）参数，在 PyTorch 中则是缓冲区（buffer）</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; layers · &lt;b&gt;%2&lt;/b&gt; parameters</source>
            <translation type="vanished">&lt;b&gt;%1&lt;/b&gt; 层 · &lt;b&gt;%2&lt;/b&gt; 个参数</translation>
        </message>
    </context>
    <context>
        <name>TextEditor</name>
        <message>
            <location filename="../../widgets/text_param_editor.py" />
            <location filename="" />
            <source>Choose the folder</source>
            <translation>选择文件夹</translation>
        </message>
    </context>
    <context>
        <name>TrainingPanel</name>
        <message>
            <location filename="../../widgets/training/panel.py" />
            <source>How much does a pretrained body help? Try the Transfer Learning Demo…</source>
            <translation>预训练的主体能帮上多少忙？试试“迁移学习演示…”</translation>
        </message>
        <message>
            <location filename="" />
            <source>Press Train to train the model on the data set.</source>
            <translation>按“训练”即可在数据集上训练模型。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Use the backbone's size (%1)</source>
            <translation>使用骨干网络的尺寸（%1）</translation>
        </message>
        <message>
            <location filename="" />
            <source>Use the data set's size (%1)</source>
            <translation>使用数据集的尺寸（%1）</translation>
        </message>
        <message>
            <location filename="" />
            <source>Sets the Input's shape to %1 (Ctrl+Z undoes it)</source>
            <translation>把 Input 的形状设为 %1（Ctrl+Z 可撤销）</translation>
        </message>
        <message>
            <location filename="" />
            <source>Training did not run.</source>
            <translation>训练没有运行。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Loading the data set…</source>
            <translation>正在加载数据集…</translation>
        </message>
        <message>
            <location filename="" />
            <source>Resuming…</source>
            <translation>正在继续…</translation>
        </message>
        <message>
            <location filename="" />
            <source>Paused. Resume or stop when you like.</source>
            <translation>已暂停。可以随时继续或停止。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Stopping after this batch…</source>
            <translation>这一批次结束后停止…</translation>
        </message>
        <message numerus="yes">
            <location filename="" />
            <source>Evaluating on %1 test sample(s)…</source>
            <translation>
                <numerusform>正在 %1 个测试样本上评估…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="" />
            <source>Training on %1 (%2 sample(s)) on %3…</source>
            <translation>
                <numerusform>正在 %3 上用 %1（%2 个样本）训练…</numerusform>
            </translation>
        </message>
        <message>
            <location filename="" />
            <source>Epoch %1/%2 · batch %3/%4 · %5 left</source>
            <translation>第 %1/%2 轮 · 第 %3/%4 批 · 还剩 %5</translation>
        </message>
        <message>
            <location filename="" />
            <source>%1 samples/s</source>
            <translation>%1 样本/秒</translation>
        </message>
        <message numerus="yes">
            <location filename="" />
            <source>Stopped with %1 of %2 epoch(s) done.</source>
            <translation>
                <numerusform>已停止，完成了 %2 轮中的 %1 轮。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="" />
            <source>Stopped early after epoch %1 of %2.</source>
            <translation>在第 %1 轮（共 %2 轮）后提前停止。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Finished: epoch %1 of %2.</source>
            <translation>已完成：第 %1 轮（共 %2 轮）。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Test accuracy: %1</source>
            <translation>测试准确率：%1</translation>
        </message>
        <message>
            <location filename="" />
            <source>Test loss: %1</source>
            <translation>测试损失：%1</translation>
        </message>
        <message>
            <location filename="" />
            <source>Data set: %1, standing in for %2</source>
            <translation>数据集：%1（代替 %2）</translation>
        </message>
        <message>
            <location filename="" />
            <source>Data set: %1</source>
            <translation>数据集：%1</translation>
        </message>
        <message>
            <source>Training on %1 (%2 samples) on %3…</source>
            <translation type="vanished">正在 %3 上用 %1（%2 个样本）训练…</translation>
        </message>
        <message>
            <source>Stopped with %1 of %2 epochs done.</source>
            <translation type="vanished">已停止，完成了 %2 轮中的 %1 轮。</translation>
        </message>
    </context>
    <context>
        <name>TrainingPlots</name>
        <message>
            <location filename="../../widgets/training/plots.py" />
            <source>Loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <location filename="" />
            <source>epoch</source>
            <translation>轮次</translation>
        </message>
        <message>
            <location filename="" />
            <source>Accuracy</source>
            <translation>准确率</translation>
        </message>
        <message>
            <location filename="" />
            <source>training, per batch (smoothed)</source>
            <translation>训练，每批次（平滑后）</translation>
        </message>
        <message>
            <location filename="" />
            <source>training, per epoch</source>
            <translation>训练，每轮</translation>
        </message>
        <message>
            <location filename="" />
            <source>validation, per epoch</source>
            <translation>验证，每轮</translation>
        </message>
        <message>
            <location filename="" />
            <source>Gap: training minus validation accuracy in the last epoch. A large gap means the model learns its training samples by heart (overfitting); Dropout or L2 weight decay make it smaller.</source>
            <translation>差距：最后一轮的训练准确率减去验证准确率。差距大说明模型在死记训练样本（过拟合）；Dropout 或 L2 权重衰减能让差距变小。</translation>
        </message>
        <message>
            <location filename="" />
            <source>run %1</source>
            <translation>运行 %1</translation>
        </message>
        <message>
            <location filename="" />
            <source>Earlier runs (━▲ training, ╍◆ validation):</source>
            <translation>之前的运行（━▲ 训练，╍◆ 验证）：</translation>
        </message>
        <message>
            <location filename="" />
            <source>Earlier runs (━▲ training):</source>
            <translation>之前的运行（━▲ 训练）：</translation>
        </message>
        <message>
            <location filename="" />
            <source>gap (training − validation): %1</source>
            <translation>差距（训练 − 验证）：%1</translation>
        </message>
        <message>
            <location filename="" />
            <source>(gap %1)</source>
            <translation>（差距 %1）</translation>
        </message>
        <message>
            <location filename="" />
            <source>Earlier runs: training solid, validation dashed</source>
            <translation>之前的运行：实线为训练，虚线为验证</translation>
        </message>
        <message>
            <source>Training minus validation accuracy in the last epoch. A large gap means the model learns its training samples by heart (overfitting); Dropout or L2 weight decay make it smaller.</source>
            <translation type="vanished">最后一轮的训练准确率减去验证准确率。差距大说明模型在死记训练样本（过拟合）；Dropout 或 L2 权重衰减能让差距变小。</translation>
        </message>
        <message>
            <source>Gap (training − validation accuracy): %1</source>
            <translation type="vanished">差距（训练 − 验证准确率）：%1</translation>
        </message>
        <message>
            <source>Earlier runs: &lt;b&gt;━▲&lt;/b&gt; training, &lt;b&gt;╍◆&lt;/b&gt; validation</source>
            <translation type="vanished">之前的运行：&lt;b&gt;━▲&lt;/b&gt; 训练，&lt;b&gt;╍◆&lt;/b&gt; 验证</translation>
        </message>
    </context>
    <context>
        <name>TrainingResults</name>
        <message>
            <location filename="../../widgets/training/results.py" />
            <source>Predictions</source>
            <translation>预测</translation>
        </message>
        <message>
            <location filename="" />
            <source>Confusion Matrix</source>
            <translation>混淆矩阵</translation>
        </message>
        <message>
            <location filename="" />
            <source>Draw</source>
            <translation>手绘</translation>
        </message>
        <message>
            <location filename="" />
            <source>Reconstructions</source>
            <translation>重建</translation>
        </message>
        <message>
            <location filename="" />
            <source>Generated Samples</source>
            <translation>生成样本</translation>
        </message>
        <message>
            <location filename="" />
            <source>Activations</source>
            <translation>激活值</translation>
        </message>
        <message>
            <location filename="" />
            <source>Runs</source>
            <translation>运行记录</translation>
        </message>
    </context>
    <context>
        <name>TrainingWorker</name>
        <message>
            <location filename="../../widgets/training/worker.py" />
            <source>Training failed unexpectedly: %1</source>
            <translation>训练意外失败：%1</translation>
        </message>
    </context>
    <context>
        <name>TransferDemo</name>
        <message>
            <location filename="../../widgets/training/transfer_demo.py" />
            <source>Transfer &amp;Learning Demo…</source>
            <translation>迁移学习演示(&amp;L)…</translation>
        </message>
        <message>
            <location filename="" />
            <source>See what a pretrained body is worth: frozen, fine-tuned and from scratch, trained side by side on a few images</source>
            <translation>看看预训练的主体价值几何：冻结、微调和从头训练，在少量图像上并排训练</translation>
        </message>
        <message>
            <location filename="../../widgets/training/transfer_demo_figures.py" />
            <source>Frozen body</source>
            <translation>冻结主体</translation>
        </message>
        <message>
            <location filename="" />
            <source>Fine-tuned body</source>
            <translation>微调主体</translation>
        </message>
        <message>
            <location filename="" />
            <source>From scratch</source>
            <translation>从头训练</translation>
        </message>
    </context>
    <context>
        <name>TransferDemoWindow</name>
        <message>
            <location filename="../../widgets/training/transfer_demo.py" />
            <source>Transfer Learning Demo</source>
            <translation>迁移学习演示</translation>
        </message>
        <message>
            <location filename="" />
            <source>A small CNN first learns five kinds of image. Its body (everything but the last layer) then starts three models for five other kinds, with only a few images of each: &lt;b&gt;frozen&lt;/b&gt; (only a new last layer learns, with larger steps: what is under it never changes), &lt;b&gt;fine-tuned&lt;/b&gt; (every layer learns, starting from the pretrained weights) and the same CNN &lt;b&gt;from scratch&lt;/b&gt;. Their curves are laid over each other as each finishes.</source>
            <translation>一个小型 CNN 先学习五类图像。然后用它的主体（除最后一层外的所有层）作为三个模型的起点，去学另外五类图像，每类只有少量图像：&lt;b&gt;冻结&lt;/b&gt;（只有新的最后一层学习，步长更大；它下面的层始终不变）、&lt;b&gt;微调&lt;/b&gt;（每一层都学习，从预训练的权重开始），以及&lt;b&gt;从头训练&lt;/b&gt;的同一个 CNN。每个模型训练完后，它的曲线会叠加到图上。</translation>
        </message>
        <message>
            <location filename="" />
            <source>%1 images per class</source>
            <translation>每类 %1 张图像</translation>
        </message>
        <message>
            <location filename="" />
            <source>&amp;Start</source>
            <translation>开始(&amp;S)</translation>
        </message>
        <message>
            <location filename="" />
            <source>S&amp;top</source>
            <translation>停止(&amp;T)</translation>
        </message>
        <message>
            <location filename="" />
            <source>New task:</source>
            <translation>新任务：</translation>
        </message>
        <message>
            <location filename="" />
            <source>Press Start: three models train one after another.</source>
            <translation>点击“开始”：三个模型会依次训练。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Trains on %1, the offline stand-in for %2, which is not on this machine (Debian's package dataset-fashion-mnist brings it).</source>
            <translation>在 %1 上训练，它是 %2 的离线替代品，因为本机没有后者（Debian 软件包 dataset-fashion-mnist 提供它）。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Trains on %1, found on this machine: nothing is downloaded.</source>
            <translation>在 %1 上训练，本机已有：不会下载任何内容。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Loading the data set…</source>
            <translation>正在加载数据集…</translation>
        </message>
        <message>
            <location filename="" />
            <source>Stopping after this batch…</source>
            <translation>这一批次结束后停止…</translation>
        </message>
        <message>
            <location filename="" />
            <source>Pretraining the body on the first five classes (once: the next demo reuses it)</source>
            <translation>正在用前五个类别预训练主体（只做一次：下次演示会复用它）</translation>
        </message>
        <message>
            <location filename="" />
            <source>Getting ready…</source>
            <translation>正在准备…</translation>
        </message>
        <message>
            <location filename="" />
            <source>Model %1 of %2: %3</source>
            <translation>模型 %1/%2：%3</translation>
        </message>
        <message>
            <location filename="" />
            <source>Epoch %1/%2 · %3 left</source>
            <translation>第 %1/%2 轮 · 还剩 %3</translation>
        </message>
        <message>
            <location filename="" />
            <source>Stopped: %1 of %2 models finished; they stay on the plots.</source>
            <translation>已停止：%2 个模型中已完成 %1 个；它们保留在图上。</translation>
        </message>
        <message>
            <location filename="" />
            <source>Done: %1 of %2 models trained.</source>
            <translation>完成：%2 个模型中已训练 %1 个。</translation>
        </message>
        <message>
            <location filename="" />
            <source>The body scored %1 on its own five classes</source>
            <translation>主体在它自己的五个类别上得分 %1</translation>
        </message>
        <message>
            <location filename="" />
            <source> (pretrained by an earlier demo, reused)</source>
            <translation>（由之前的演示预训练，已复用）</translation>
        </message>
    </context>
    <context>
        <name>TransferDemoWorker</name>
        <message>
            <location filename="../../widgets/training/transfer_demo_worker.py" />
            <source>The demo failed unexpectedly: %1</source>
            <translation>演示意外失败：%1</translation>
        </message>
    </context>
    <context>
        <name>TrialCurves</name>
        <message>
            <location filename="../../widgets/search/plots.py" />
            <source>Validation curve of each trial</source>
            <translation>每次试验的验证曲线</translation>
        </message>
        <message>
            <location filename="" />
            <source>epoch</source>
            <translation>轮次</translation>
        </message>
        <message>
            <location filename="" />
            <source>validation accuracy</source>
            <translation>验证准确率</translation>
        </message>
        <message>
            <location filename="" />
            <source>validation loss</source>
            <translation>验证损失</translation>
        </message>
    </context>
    <context>
        <name>classes</name>
        <message>
            <source>circle</source>
            <comment>Synthetic shapes</comment>
            <extracomment>class name</extracomment>
            <translation>圆形</translation>
        </message>
        <message>
            <source>ring</source>
            <comment>Synthetic shapes</comment>
            <extracomment>class name</extracomment>
            <translation>圆环</translation>
        </message>
        <message>
            <source>square</source>
            <comment>Synthetic shapes</comment>
            <extracomment>class name</extracomment>
            <translation>正方形</translation>
        </message>
        <message>
            <source>triangle</source>
            <comment>Synthetic shapes</comment>
            <extracomment>class name</extracomment>
            <translation>三角形</translation>
        </message>
        <message>
            <source>star</source>
            <comment>Synthetic shapes</comment>
            <extracomment>class name</extracomment>
            <translation>星形</translation>
        </message>
        <message>
            <source>plus</source>
            <comment>Synthetic shapes</comment>
            <extracomment>class name</extracomment>
            <translation>加号</translation>
        </message>
        <message>
            <source>cross</source>
            <comment>Synthetic shapes</comment>
            <extracomment>class name</extracomment>
            <translation>叉号</translation>
        </message>
        <message>
            <source>horizontal line</source>
            <comment>Synthetic shapes</comment>
            <extracomment>class name</extracomment>
            <translation>横线</translation>
        </message>
        <message>
            <source>vertical line</source>
            <comment>Synthetic shapes</comment>
            <extracomment>class name</extracomment>
            <translation>竖线</translation>
        </message>
        <message>
            <source>diagonal line</source>
            <comment>Synthetic shapes</comment>
            <extracomment>class name</extracomment>
            <translation>斜线</translation>
        </message>
        <message>
            <source>sine</source>
            <comment>Synthetic waveforms</comment>
            <extracomment>class name</extracomment>
            <translation>正弦波</translation>
        </message>
        <message>
            <source>square</source>
            <comment>Synthetic waveforms</comment>
            <extracomment>class name</extracomment>
            <translation>方波</translation>
        </message>
        <message>
            <source>sawtooth</source>
            <comment>Synthetic waveforms</comment>
            <extracomment>class name</extracomment>
            <translation>锯齿波</translation>
        </message>
        <message>
            <source>triangle</source>
            <comment>Synthetic waveforms</comment>
            <extracomment>class name</extracomment>
            <translation>三角波</translation>
        </message>
        <message>
            <source>noise burst</source>
            <comment>Synthetic waveforms</comment>
            <extracomment>class name</extracomment>
            <translation>噪声脉冲</translation>
        </message>
        <message>
            <source>chirp</source>
            <comment>Synthetic waveforms</comment>
            <extracomment>class name</extracomment>
            <translation>啁啾信号</translation>
        </message>
        <message>
            <source>T-shirt/top</source>
            <comment>Fashion-MNIST</comment>
            <extracomment>class name</extracomment>
            <translation>T恤/上衣</translation>
        </message>
        <message>
            <source>Trouser</source>
            <comment>Fashion-MNIST</comment>
            <extracomment>class name</extracomment>
            <translation>裤子</translation>
        </message>
        <message>
            <source>Pullover</source>
            <comment>Fashion-MNIST</comment>
            <extracomment>class name</extracomment>
            <translation>套头衫</translation>
        </message>
        <message>
            <source>Dress</source>
            <comment>Fashion-MNIST</comment>
            <extracomment>class name</extracomment>
            <translation>连衣裙</translation>
        </message>
        <message>
            <source>Coat</source>
            <comment>Fashion-MNIST</comment>
            <extracomment>class name</extracomment>
            <translation>外套</translation>
        </message>
        <message>
            <source>Sandal</source>
            <comment>Fashion-MNIST</comment>
            <extracomment>class name</extracomment>
            <translation>凉鞋</translation>
        </message>
        <message>
            <source>Shirt</source>
            <comment>Fashion-MNIST</comment>
            <extracomment>class name</extracomment>
            <translation>衬衫</translation>
        </message>
        <message>
            <source>Sneaker</source>
            <comment>Fashion-MNIST</comment>
            <extracomment>class name</extracomment>
            <translation>运动鞋</translation>
        </message>
        <message>
            <source>Bag</source>
            <comment>Fashion-MNIST</comment>
            <extracomment>class name</extracomment>
            <translation>包</translation>
        </message>
        <message>
            <source>Ankle boot</source>
            <comment>Fashion-MNIST</comment>
            <extracomment>class name</extracomment>
            <translation>短靴</translation>
        </message>
        <message>
            <source>airplane</source>
            <comment>CIFAR-10</comment>
            <extracomment>class name</extracomment>
            <translation>飞机</translation>
        </message>
        <message>
            <source>automobile</source>
            <comment>CIFAR-10</comment>
            <extracomment>class name</extracomment>
            <translation>汽车</translation>
        </message>
        <message>
            <source>bird</source>
            <comment>CIFAR-10</comment>
            <extracomment>class name</extracomment>
            <translation>鸟</translation>
        </message>
        <message>
            <source>cat</source>
            <comment>CIFAR-10</comment>
            <extracomment>class name</extracomment>
            <translation>猫</translation>
        </message>
        <message>
            <source>deer</source>
            <comment>CIFAR-10</comment>
            <extracomment>class name</extracomment>
            <translation>鹿</translation>
        </message>
        <message>
            <source>dog</source>
            <comment>CIFAR-10</comment>
            <extracomment>class name</extracomment>
            <translation>狗</translation>
        </message>
        <message>
            <source>frog</source>
            <comment>CIFAR-10</comment>
            <extracomment>class name</extracomment>
            <translation>青蛙</translation>
        </message>
        <message>
            <source>horse</source>
            <comment>CIFAR-10</comment>
            <extracomment>class name</extracomment>
            <translation>马</translation>
        </message>
        <message>
            <source>ship</source>
            <comment>CIFAR-10</comment>
            <extracomment>class name</extracomment>
            <translation>船</translation>
        </message>
        <message>
            <source>truck</source>
            <comment>CIFAR-10</comment>
            <extracomment>class name</extracomment>
            <translation>卡车</translation>
        </message>
    </context>
    <context>
        <name>cli</name>
        <message>
            <source>open the app (with PROJECT, a project file)</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>打开应用（给出 PROJECT 时打开该项目文件）</translation>
        </message>
        <message>
            <source>open the app and train PROJECT with its settings at once; the console shows the progress too (a line per epoch), the window the curves</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>打开应用并立即按 PROJECT 的设置训练；控制台同时显示进度（每轮一行），窗口显示曲线</translation>
        </message>
        <message>
            <source>save the window (after training, with --train) as PNG and exit</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>把窗口（带 --train 时在训练结束后）保存为 PNG 后退出</translation>
        </message>
        <message>
            <source>the app:</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>应用：</translation>
        </message>
        <message>
            <source>render the window to PNG and exit</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>把窗口渲染为 PNG 后退出</translation>
        </message>
        <message>
            <source>with PROJECT: open the app and train the project at once, with progress on the console</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>与 PROJECT 一起使用：打开应用并立即训练该项目，控制台显示进度</translation>
        </message>
        <message>
            <source>list the built-in templates</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>列出内置模板</translation>
        </message>
        <message>
            <source>write a template as a project file</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>把模板写成项目文件</translation>
        </message>
        <message>
            <source>template name (see `netstudio templates`)</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>模板名称（见 `netstudio templates`）</translation>
        </message>
        <message>
            <source>project file to write</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>要写入的项目文件</translation>
        </message>
        <message>
            <source>overwrite an existing file</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>覆盖已有文件</translation>
        </message>
        <message>
            <source>layers, output shapes, parameters, FLOPs; errors per node</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>各层、输出形状、参数量、FLOPs；每个节点的错误</translation>
        </message>
        <message>
            <source>project file, run folder or .safetensors file</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>项目文件、运行文件夹或 .safetensors 文件</translation>
        </message>
        <message>
            <source>data sets and whether each is available offline</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>数据集，以及每个是否可以离线使用</translation>
        </message>
        <message>
            <source>train a project headless, with a progress bar</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>无界面训练项目，显示进度条</translation>
        </message>
        <message>
            <source>project file (optional with --resume)</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>项目文件（使用 --resume 时可省略）</translation>
        </message>
        <message>
            <source>data set name (see `netstudio datasets`)</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>数据集名称（见 `netstudio datasets`）</translation>
        </message>
        <message>
            <source>your own data: a folder with one subfolder of images per class, or a CSV file (with --dataset image-folder or csv; instead of the project's path)</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>你自己的数据：一个文件夹（每个类别一个存放图像的子文件夹），或一个 CSV 文件（配合 --dataset image-folder 或 csv 使用；代替项目中的路径）</translation>
        </message>
        <message>
            <source>learning rate</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>学习率</translation>
        </message>
        <message>
            <source>auto, cpu, cuda, cuda:N or mps</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>auto、cpu、cuda、cuda:N 或 mps</translation>
        </message>
        <message>
            <source>16-bit where supported</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>在支持的设备上使用 16 位精度</translation>
        </message>
        <message>
            <source>the run folder (default: a new folder in PROJECT.runs/ beside the project file)</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>运行文件夹（默认：项目文件旁 PROJECT.runs/ 中的一个新文件夹）</translation>
        </message>
        <message>
            <source>continue the run in DIR on its own data set and limits (stopped, killed or failed; a finished one with more --epochs)</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>在 DIR 中按该运行自己的数据集和限制继续训练（已停止、被终止或失败的运行；已完成的运行需给出更多 --epochs）</translation>
        </message>
        <message>
            <source>replace an ended run already in the --out folder</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>替换 --out 文件夹中已结束的运行</translation>
        </message>
        <message>
            <source>use only the first N training samples</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>只用前 N 个训练样本</translation>
        </message>
        <message>
            <source>use only N test samples</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>只用 N 个测试样本</translation>
        </message>
        <message>
            <source>search hyperparameters: each trial a run, scored on the validation set</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>搜索超参数：每次试验是一次运行，在验证集上评分</translation>
        </message>
        <message>
            <source>project file</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>项目文件</translation>
        </message>
        <message>
            <source>what to search, repeatable: a list (dense_1.units=32,64,128, optimizer=adam,sgd) or a range (lr=1e-4..1e-2:log, dropout_1.rate=0.1..0.5); a training setting by name, a layer parameter as NODE.PARAM</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>要搜索什么，可重复给出：一个列表（dense_1.units=32,64,128、optimizer=adam,sgd）或一个范围（lr=1e-4..1e-2:log、dropout_1.rate=0.1..0.5）；训练设置直接写名称，层的参数写成 NODE.PARAM</translation>
        </message>
        <message>
            <source>trials in the whole search (a resumed search runs what is left)</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>整个搜索的试验次数（继续的搜索只运行剩下的部分）</translation>
        </message>
        <message>
            <source>how values are chosen (tpe: Bayesian)</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>如何选取取值（tpe：贝叶斯优化）</translation>
        </message>
        <message>
            <source>stop hopeless trials early (halving: successive halving)</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>提前停止没有希望的试验（halving：逐次减半）</translation>
        </message>
        <message>
            <source>what a trial is scored on (never the test set)</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>试验按什么评分（从不使用测试集）</translation>
        </message>
        <message>
            <source>epochs per trial</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>每次试验的轮数</translation>
        </message>
        <message>
            <source>an Optuna storage such as sqlite:///search.db or postgresql://…, shared by workers (default: in memory)</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>Optuna 存储，例如 sqlite:///search.db 或 postgresql://…，由各工作进程共享（默认：内存中）</translation>
        </message>
        <message>
            <source>the search's name in the storage (default: the project's name and the time)</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>搜索在存储中的名称（默认：项目名称加时间）</translation>
        </message>
        <message>
            <source>continue the study of that name, or join it as another worker</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>继续该名称的搜索，或作为另一个工作进程加入</translation>
        </message>
        <message>
            <source>the sampler's seed (default: the project's)</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>采样器的随机种子（默认：项目的种子）</translation>
        </message>
        <message>
            <source>the search folder (default: PROJECT.search/STUDY/ beside the project file)</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>搜索文件夹（默认：项目文件旁的 PROJECT.search/STUDY/）</translation>
        </message>
        <message>
            <source>export a project or a trained run</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>导出项目或训练好的运行</translation>
        </message>
        <message>
            <source>project file, or a run folder of `netstudio train`</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>项目文件，或 `netstudio train` 的运行文件夹</translation>
        </message>
        <message>
            <source>what to write</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>要写出的格式</translation>
        </message>
        <message>
            <source>file or folder to write</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>要写入的文件或文件夹</translation>
        </message>
        <message>
            <source>replace the file or folder if it exists (never the source)</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>文件或文件夹已存在时替换它（绝不替换源文件）</translation>
        </message>
        <message>
            <source>make a project from a model made elsewhere</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>用在别处建立的模型生成项目</translation>
        </message>
        <message>
            <source>the project file to write</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>要写入的项目文件</translation>
        </message>
        <message>
            <source>replace the project file if it exists</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>项目文件已存在时替换它</translation>
        </message>
        <message>
            <source>import only up to this node (ONNX, .pt2, PyTorch module), leaving out the rest</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>只导入到这个节点为止（ONNX、.pt2、PyTorch 模块），其余部分不导入</translation>
        </message>
        <message>
            <source>allow running a .py file that defines a PyTorch nn.Module (in a separate process): only for files you trust</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>允许运行定义了 PyTorch nn.Module 的 .py 文件（在单独的进程中）：仅用于你信任的文件</translation>
        </message>
        <message>
            <source>the nn.Module class to import (default: the file's last one)</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>要导入的 nn.Module 类（默认：文件中的最后一个）</translation>
        </message>
        <message>
            <source>the nn.Module's input without the batch, such as 1,28,28</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>nn.Module 的输入形状，不含批量维度，例如 1,28,28</translation>
        </message>
        <message>
            <source>Build neural networks by drawing them; train and export them. `netstudio [PROJECT]` opens the app.</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>画出神经网络，训练并导出它。`netstudio [PROJECT]` 打开应用。</translation>
        </message>
        <message>
            <source>loss</source>
            <extracomment>engine: studio/progress.py</extracomment>
            <translation>损失</translation>
        </message>
        <message>
            <source>accuracy</source>
            <extracomment>engine: studio/progress.py</extracomment>
            <translation>准确率</translation>
        </message>
        <message>
            <source>val loss</source>
            <extracomment>engine: studio/progress.py</extracomment>
            <translation>验证损失</translation>
        </message>
        <message>
            <source>val accuracy</source>
            <extracomment>engine: studio/progress.py</extracomment>
            <translation>验证准确率</translation>
        </message>
        <message>
            <source>generator loss</source>
            <extracomment>engine: studio/progress.py</extracomment>
            <translation>生成器损失</translation>
        </message>
        <message>
            <source>discriminator loss</source>
            <extracomment>engine: studio/progress.py</extracomment>
            <translation>判别器损失</translation>
        </message>
        <message>
            <source>discriminator accuracy</source>
            <extracomment>engine: studio/progress.py</extracomment>
            <translation>判别器准确率</translation>
        </message>
        <message>
            <source>make a project from a model made elsewhere (Keras code: .py)</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation type="vanished">用在别处建立的模型生成项目（Keras 代码：.py）</translation>
        </message>
        <message>
            <source>the model file to read</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation type="vanished">要读取的模型文件</translation>
        </message>
    </context>
    <context>
        <name>commands</name>
        <message>
            <location filename="../../widgets/commands.py" />
            <source>Delete %n items</source>
            <translation>删除 %n 项</translation>
        </message>
        <message>
            <location filename="../../widgets/document.py" />
            <source>Set %1</source>
            <translation>设置 %1</translation>
        </message>
        <message>
            <source>Move</source>
            <translation>移动</translation>
        </message>
        <message>
            <source>Add %1</source>
            <translation>添加 %1</translation>
        </message>
        <message>
            <source>Delete %1</source>
            <translation>删除 %1</translation>
        </message>
        <message>
            <source>Delete %1 and reconnect</source>
            <translation>删除 %1 并重新连接</translation>
        </message>
        <message>
            <source>Rename the model to %1</source>
            <translation>将模型重命名为 %1</translation>
        </message>
        <message>
            <source>Disconnect %1 → %2</source>
            <translation>断开 %1 → %2</translation>
        </message>
        <message>
            <source>%1 needs exactly one connected input to be reconnected</source>
            <translation>%1 必须恰好有一个已连接的输入，才能重新连接</translation>
        </message>
        <message>
            <source>Connect %1 → %2</source>
            <translation>连接 %1 → %2</translation>
        </message>
        <message>
            <source>Set %1 of %2</source>
            <translation>设置 %2 的 %1</translation>
        </message>
        <message>
            <source>Insert %1 between %2 and %3</source>
            <translation>在 %2 和 %3 之间插入 %1</translation>
        </message>
    </context>
    <context>
        <name>datasets</name>
        <message>
            <source>Synthetic shapes</source>
            <extracomment>data set title</extracomment>
            <translation>合成图形</translation>
        </message>
        <message>
            <source>Synthetic waveforms</source>
            <extracomment>data set title</extracomment>
            <translation>合成波形</translation>
        </message>
        <message>
            <source>MNIST</source>
            <extracomment>data set title</extracomment>
            <translation>MNIST</translation>
        </message>
        <message>
            <source>Fashion-MNIST</source>
            <extracomment>data set title</extracomment>
            <translation>Fashion-MNIST</translation>
        </message>
        <message>
            <source>Kuzushiji-MNIST</source>
            <extracomment>data set title</extracomment>
            <translation>Kuzushiji-MNIST</translation>
        </message>
        <message>
            <source>CIFAR-10</source>
            <extracomment>data set title</extracomment>
            <translation>CIFAR-10</translation>
        </message>
        <message>
            <source>Image folder</source>
            <extracomment>data set title</extracomment>
            <translation>图像文件夹</translation>
        </message>
        <message>
            <source>CSV table</source>
            <extracomment>data set title</extracomment>
            <translation>CSV 表格</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <source>Normalization {node}: adapted to {what}, one mean and standard deviation per {axis} ({count:,}): means {mean_low:.4g} to {mean_high:.4g}, standard deviations {std_low:.4g} to {std_high:.4g}.</source>
            <extracomment>engine: studio/adapt.py</extracomment>
            <translation>Normalization {node}：已用 {what} 完成适配（adapt），每个{axis}一个均值和标准差（共 {count:,} 个）：均值 {mean_low:.4g} 到 {mean_high:.4g}，标准差 {std_low:.4g} 到 {std_high:.4g}。</translation>
        </message>
        <message>
            <source>{count:,} random noise vectors</source>
            <extracomment>engine: studio/adapt.py</extracomment>
            <translation>{count:,} 个随机噪声向量</translation>
        </message>
        <message>
            <source>{count:,} training samples</source>
            <extracomment>engine: studio/adapt.py</extracomment>
            <translation>{count:,} 个训练样本</translation>
        </message>
        <message>
            <source>Normalization {node}: adapted to {what} (mean {mean:.4g}, standard deviation {std:.4g}).</source>
            <extracomment>engine: studio/adapt.py</extracomment>
            <translation>Normalization {node}：已用 {what} 完成适配（adapt），均值 {mean:.4g}，标准差 {std:.4g}。</translation>
        </message>
        <message>
            <source>Measuring the training data for the Normalization layers (up to {limit:,} samples)…</source>
            <extracomment>engine: studio/adapt.py</extracomment>
            <translation>正在为 Normalization 层测量训练数据（最多 {limit:,} 个样本）…</translation>
        </message>
        <message>
            <source>channel</source>
            <extracomment>engine: studio/adapt.py</extracomment>
            <translation>通道</translation>
        </message>
        <message>
            <source>feature</source>
            <extracomment>engine: studio/adapt.py</extracomment>
            <translation>特征</translation>
        </message>
        <message>
            <source>Wrote {path} from the template {template!r} ({title}).</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>已根据模板 {template!r}（{title}）写入 {path}。</translation>
        </message>
        <message>
            <source>Run: {status}, {done} of {epochs} epochs</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>运行：{status}，已完成 {epochs} 轮中的 {done} 轮</translation>
        </message>
        <message>
            <source>✓ usable now, offline   ✗ needs a download (or the offline package named)</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>✓ 现在即可离线使用   ✗ 需要下载（或安装所列的离线软件包）</translation>
        </message>
        <message>
            <source>Wrote {path} ({count} nodes) from {source}.</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>已根据 {source} 写出 {path}（{count} 个节点）。</translation>
        </message>
        <message>
            <source>Note: {note}</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>提示：{note}</translation>
        </message>
        <message>
            <source>{path} already exists; choose another name or add --force</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>{path} 已存在；请换一个名字，或加上 --force</translation>
        </message>
        <message>
            <source>The model does not fit together yet:</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>模型的各层还不匹配：</translation>
        </message>
        <message>
            <source>, test accuracy {accuracy}</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>，测试准确率 {accuracy}</translation>
        </message>
        <message>
            <source>Name the project to train (or --resume a run folder)</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>请指定要训练的项目（或用 --resume 指定运行文件夹）</translation>
        </message>
        <message>
            <source>Stopping after this batch (Ctrl-C again to abort at once)…</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>这一批次结束后停止…（再按一次 Ctrl-C 立即中止）</translation>
        </message>
        <message>
            <source>Stopping after this batch; the trial runs again when the search is resumed (Ctrl-C again to abort at once)…</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>将在这一批之后停止；继续搜索时会重新运行这次试验（再按一次 Ctrl-C 立即中止）…</translation>
        </message>
        <message>
            <source>Search {study}: {space}; {trials} trials, sampler {sampler}, pruner {pruner}, objective {objective}. Trials in {folder}</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>搜索 {study}：{space}；{trials} 次试验，采样器 {sampler}，剪枝器 {pruner}，目标指标 {objective}。试验保存在 {folder}</translation>
        </message>
        <message>
            <source>Trial {number} ({done} of {total}): {params}: {score} after {epochs} epochs, {seconds:.1f} s</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>试验 {number}（第 {done} 次，共 {total} 次）：{params}：{epochs} 轮后为 {score}，{seconds:.1f} 秒</translation>
        </message>
        <message>
            <source>Best: trial {number}, {params}: {score}. Its run folder: {path}</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>最佳：试验 {number}，{params}：{score}。它的运行文件夹：{path}</translation>
        </message>
        <message>
            <source>The search record: {path}</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>搜索记录：{path}</translation>
        </message>
        <message>
            <source>--data cannot be used with --resume: a resumed run continues on the data it was trained on</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>--data 不能与 --resume 一起使用：继续的运行会沿用它原来训练所用的数据</translation>
        </message>
        <message>
            <source>Wrote {path}</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>已写入 {path}</translation>
        </message>
        <message>
            <source>Wrote its trained weights to {path}.</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>已把它训练好的权重写入 {path}。</translation>
        </message>
        <message>
            <source>--train needs the project to train: netstudio PROJECT --train</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>--train 需要指定要训练的项目：netstudio PROJECT --train</translation>
        </message>
        <message>
            <source>netstudio: no display found, so the app cannot open here. Headless commands: {commands} (see `netstudio --help`).</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>netstudio：没有找到显示器，所以无法在这里打开应用。无界面命令：{commands}（见 `netstudio --help`）。</translation>
        </message>
        <message>
            <source>Trial {number} ({done} of {total}): {params}: pruned after {epochs} epochs ({score}), {seconds:.1f} s</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>试验 {number}（第 {done} 次，共 {total} 次）：{params}：{epochs} 轮后被剪枝（{score}），{seconds:.1f} 秒</translation>
        </message>
        <message>
            <source>; best {score} (trial {number})</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>；最佳 {score}（试验 {number}）</translation>
        </message>
        <message>
            <source>No trial has run to the end yet. The search record: {path}</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>还没有试验运行到结束。搜索记录：{path}</translation>
        </message>
        <message>
            <source>Its test accuracy, for information only (trials are chosen on the validation set): {accuracy}</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>它的测试准确率，仅供参考（试验是按验证集选出的）：{accuracy}</translation>
        </message>
        <message>
            <source>--data names your own image folder or CSV file: use it with --dataset image-folder or --dataset csv, not {name}</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>--data 指定你自己的图像文件夹或 CSV 文件：请与 --dataset image-folder 或 --dataset csv 一起使用，而不是 {name}</translation>
        </message>
        <message>
            <source>The app cannot start: {reason}. Headless commands still work.</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>应用无法启动：{reason}。无界面命令仍然可用。</translation>
        </message>
        <message>
            <source>the model file to read: {formats}</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>要读取的模型文件：{formats}</translation>
        </message>
        <message>
            <source>netstudio: stopped.</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>netstudio：已停止。</translation>
        </message>
        <message>
            <source>… and {count} more</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>… 还有 {count} 个</translation>
        </message>
        <message>
            <source>unknown</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>未知</translation>
        </message>
        <message>
            <source>Trial {number} ({done} of {total}): {params}: failed: {error}</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>试验 {number}（第 {done} 次，共 {total} 次）：{params}：失败：{error}</translation>
        </message>
        <message>
            <source>Trial {number}: {params}: stopped; it runs again when the search is resumed</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>试验 {number}：{params}：已停止；继续搜索时会重新运行</translation>
        </message>
        <message>
            <source>To import the part that NetStudio can map, cut the model at one of these nodes with --cut-at NODE: {nodes}</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation>要导入 NetStudio 能对应的部分，请用 --cut-at NODE 在以下某个节点处截断模型：{nodes}</translation>
        </message>
        <message>
            <source>{source} holds too few samples ({count}) to set aside a test part and still train: add more (a few per class at least).</source>
            <extracomment>engine: studio/data/base.py</extracomment>
            <translation>{source} 中的样本太少（{count} 个），留出测试部分后就无法训练：请增加样本（每个类别至少几个）。</translation>
        </message>
        <message>
            <source>The task must be one of {tasks}, not {task!r}.</source>
            <extracomment>engine: studio/data/base.py</extracomment>
            <translation>任务必须是 {tasks} 之一，而不是 {task!r}。</translation>
        </message>
        <message>
            <source>The project's data set settings are damaged (not a table of settings).</source>
            <extracomment>engine: studio/data/fallback.py</extracomment>
            <translation>项目的数据集设置已损坏（不是一组设置项）。</translation>
        </message>
        <message>
            <source>{reason}: too large for memory, so it is read from disk batch by batch.</source>
            <extracomment>engine: studio/data/fallback.py</extracomment>
            <translation>{reason}：内存放不下，因此按批次从磁盘读取。</translation>
        </message>
        <message>
            <source>{reason}. Training on {title} instead (same shape, 10 classes).</source>
            <extracomment>engine: studio/data/fallback.py</extracomment>
            <translation>{reason}。改用 {title} 训练（形状相同，同样 10 个类别）。</translation>
        </message>
        <message>
            <source>{root} holds {n} images of {w}×{h}, {size:.1f} GB unpacked</source>
            <extracomment>engine: studio/data/folder.py</extracomment>
            <translation>{root} 中有 {n} 张 {w}×{h} 的图像，解压后共 {size:.1f} GB</translation>
        </message>
        <message>
            <source>{file} could not be read as an image ({reason}). Remove it or replace it.</source>
            <extracomment>engine: studio/data/folder.py</extracomment>
            <translation>{file} 无法作为图像读取（{reason}）。请删除或替换它。</translation>
        </message>
        <message>
            <source>{reason}: too large to hold in memory here (the limit is {limit:.1f} GB). Use fewer or smaller images.</source>
            <extracomment>engine: studio/data/folder.py</extracomment>
            <translation>{reason}：太大，本机内存放不下（上限为 {limit:.1f} GB）。请使用更少或更小的图像。</translation>
        </message>
        <message>
            <source>{root} has fewer than two classes with readable images. {note}</source>
            <extracomment>engine: studio/data/folder.py</extracomment>
            <translation>{root} 中含有可读图像的类别不到两个。{note}</translation>
        </message>
        <message>
            <source>Skipped {what} in {root} that could not be used: {examples}.</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation>已跳过 {root} 中无法使用的 {what}：{examples}。</translation>
        </message>
        <message>
            <source>{root} has {found}. An image folder needs at least two subfolders, one per class, each holding images (PNG, JPEG, BMP, ...).</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation>{root} 中{found}。图像文件夹至少需要两个子文件夹，每个类别一个，各自存放图像（PNG、JPEG、BMP 等）。</translation>
        </message>
        <message>
            <source>{files} and {folders}</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation>{files} 和 {folders}</translation>
        </message>
        <message>
            <source>too many pixels: a possible decompression bomb</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation>像素过多：可能是解压炸弹</translation>
        </message>
        <message>
            <source>not an image that can be read</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation>不是可以读取的图像</translation>
        </message>
        <message>
            <source>only the class {name!r}</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation>只有类别 {name!r}</translation>
        </message>
        <message>
            <source>no class with images</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation>没有包含图像的类别</translation>
        </message>
        <message>
            <source>{found} (subfolders without images: {empty})</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation>{found}（没有图像的子文件夹：{empty}）</translation>
        </message>
        <message>
            <source>{text} Its {count:,} images lie directly in it: put each class's images in a subfolder named after the class.</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation>{text}其中的 {count:,} 张图像直接放在这个文件夹里：请把每个类别的图像放进以该类别命名的子文件夹。</translation>
        </message>
        <message>
            <source>The folder {root} does not exist. Choose a folder that holds one subfolder of images per class.</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation>文件夹 {root} 不存在。请选择一个文件夹，其中每个类别有一个存放图像的子文件夹。</translation>
        </message>
        <message>
            <source>{root} is a file, not a folder. Choose a folder that holds one subfolder of images per class.</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation>{root} 是文件，不是文件夹。请选择一个文件夹，其中每个类别有一个存放图像的子文件夹。</translation>
        </message>
        <message>
            <source>{root} is the top of the file system, not an image data set. Choose the folder that holds one subfolder of images per class.</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation>{root} 是文件系统的根目录，不是图像数据集。请选择一个文件夹，其中每个类别有一个存放图像的子文件夹。</translation>
        </message>
        <message>
            <source>{count:,} of {total:,} images are not {w}×{h} pixels: they are {how}.</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation>{total:,} 张图像中有 {count:,} 张不是 {w}×{h} 像素：已将它们{how}。</translation>
        </message>
        <message>
            <source>{count:,} CMYK to RGB</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation>{count:,} 张由 CMYK 转为 RGB</translation>
        </message>
        <message>
            <source>{count:,} from 16 to 8 bits</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation>{count:,} 张由 16 位转为 8 位</translation>
        </message>
        <message>
            <source>{count:,} turned upright as their EXIF orientation says</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation>{count:,} 张按 EXIF 方向信息转正</translation>
        </message>
        <message>
            <source>{count:,} animated (the first frame is used)</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation>{count:,} 张是动图（使用第一帧）</translation>
        </message>
        <message>
            <source>Images converted: {changes}.</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation>已转换的图像：{changes}。</translation>
        </message>
        <message>
            <source>one file</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation>一个文件</translation>
        </message>
        <message>
            <source>{count:,} files</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation>{count:,} 个文件</translation>
        </message>
        <message>
            <source>one folder</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation>一个文件夹</translation>
        </message>
        <message>
            <source>{count:,} folders</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation>{count:,} 个文件夹</translation>
        </message>
        <message>
            <source>The folder {root} cannot be opened: {error}.</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation>无法打开文件夹 {root}：{error}。</translation>
        </message>
        <message>
            <source>Stopped looking through {root} after {count:,} files and folders: far more than an image data set holds. Choose the folder whose subfolders are the classes (each holding that class's images).</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation>查看了 {root} 中的 {count:,} 个文件和文件夹后停止：远远超过一个图像数据集的规模。请选择以子文件夹作为类别的那个文件夹（每个子文件夹存放该类别的图像）。</translation>
        </message>
        <message>
            <source>Stopped looking through {root} after {seconds:g} seconds and {count:,} files and folders. Choose the folder whose subfolders are the classes (each holding that class's images), on a faster disk if it is this large.</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation>查看 {root} {seconds:g} 秒、共 {count:,} 个文件和文件夹后停止。请选择以子文件夹作为类别的那个文件夹（每个子文件夹存放该类别的图像）；数据集这么大时，请放在更快的磁盘上。</translation>
        </message>
        <message>
            <source>The folder {root} cannot be read: {error}.</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation>无法读取文件夹 {root}：{error}。</translation>
        </message>
        <message>
            <source>not readable: {error}</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation>无法读取：{error}</translation>
        </message>
        <message>
            <source>no pixels ({w}×{h})</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation>没有像素（{w}×{h}）</translation>
        </message>
        <message>
            <source>{w}×{h} pixels, more than the {limit:,} allowed</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation>{w}×{h} 像素，超过了允许的 {limit:,}</translation>
        </message>
        <message>
            <source>not a regular file</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation>不是普通文件</translation>
        </message>
        <message>
            <source>The data set path is empty. Choose a file or folder.</source>
            <extracomment>engine: studio/data/paths.py</extracomment>
            <translation>数据集路径为空。请选择一个文件或文件夹。</translation>
        </message>
        <message>
            <source>The data set path {value!r} is not a valid path (it is too long or holds a NUL character). Choose the file or folder again.</source>
            <extracomment>engine: studio/data/paths.py</extracomment>
            <translation>数据集路径 {value!r} 不是有效的路径（太长或含有 NUL 字符）。请重新选择文件或文件夹。</translation>
        </message>
        <message>
            <source>The data set path must be text naming a file or folder, not {value}.</source>
            <extracomment>engine: studio/data/paths.py</extracomment>
            <translation>数据集路径必须是指明文件或文件夹的文本，而不是 {value}。</translation>
        </message>
        <message>
            <source>built in: 28×28 grayscale shapes in 10 classes, {train} train / {test} test</source>
            <extracomment>engine: studio/data/registry.py</extracomment>
            <translation>内置：28×28 灰度图形，10 个类别，训练 {train} / 测试 {test}</translation>
        </message>
        <message>
            <source>built in: sequences of {steps} steps in {classes} classes, {train} train / {test} test</source>
            <extracomment>engine: studio/data/registry.py</extracomment>
            <translation>内置：长度为 {steps} 步的序列，{classes} 个类别，训练 {train} / 测试 {test}</translation>
        </message>
        <message>
            <source>your own images: pass a folder with one subfolder per class</source>
            <extracomment>engine: studio/data/registry.py</extracomment>
            <translation>你自己的图像：选择一个文件夹，其中每个类别一个子文件夹</translation>
        </message>
        <message>
            <source>your own table: pass a CSV file with feature columns and a label column</source>
            <extracomment>engine: studio/data/registry.py</extracomment>
            <translation>你自己的表格：选择一个包含特征列和标签列的 CSV 文件</translation>
        </message>
        <message>
            <source>There is no data set called {name!r}. Known data sets: {names}.</source>
            <extracomment>engine: studio/data/registry.py</extracomment>
            <translation>没有名为 {name!r} 的数据集。已知的数据集：{names}。</translation>
        </message>
        <message>
            <source>A data set's name must be text, not {value}. Known data sets: {names}.</source>
            <extracomment>engine: studio/data/registry.py</extracomment>
            <translation>数据集名称必须是文本，而不是 {value}。已知的数据集：{names}。</translation>
        </message>
        <message>
            <source>There is no data set called {name!r}. Did you mean {close!r}? Known data sets: {names}.</source>
            <extracomment>engine: studio/data/registry.py</extracomment>
            <translation>没有名为 {name!r} 的数据集。你是指 {close!r} 吗？已知的数据集：{names}。</translation>
        </message>
        <message>
            <source>folder with one subfolder per class</source>
            <extracomment>engine: studio/data/registry.py</extracomment>
            <translation>每个类别一个子文件夹的文件夹</translation>
        </message>
        <message>
            <source>CSV file</source>
            <extracomment>engine: studio/data/registry.py</extracomment>
            <translation>CSV 文件</translation>
        </message>
        <message>
            <source>The data set {name!r} needs a path: choose the {what}.</source>
            <extracomment>engine: studio/data/registry.py</extracomment>
            <translation>数据集 {name!r} 需要一个路径：请选择{what}。</translation>
        </message>
        <message>
            <source>The resize setting must be one of {choices}, not {value!r}.</source>
            <extracomment>engine: studio/data/resize.py</extracomment>
            <translation>调整大小的设置必须是 {choices} 之一，而不是 {value!r}。</translation>
        </message>
        <message>
            <source>The image size setting must be [height, width] in pixels (each 1 to {most}), or one number for a square; not {value!r}.</source>
            <extracomment>engine: studio/data/resize.py</extracomment>
            <translation>图像大小设置必须是以像素为单位的 [高, 宽]（每个为 1 到 {most}），或用一个数表示正方形；而不是 {value!r}。</translation>
        </message>
        <message>
            <source>scaled to cover it and cropped in the centre</source>
            <extracomment>engine: studio/data/resize.py</extracomment>
            <translation>缩放到能覆盖该尺寸，再从中心裁剪</translation>
        </message>
        <message>
            <source>stretched to it</source>
            <extracomment>engine: studio/data/resize.py</extracomment>
            <translation>拉伸到该尺寸</translation>
        </message>
        <message>
            <source>scaled to fit inside it and padded with black</source>
            <extracomment>engine: studio/data/resize.py</extracomment>
            <translation>缩放到能放进该尺寸，再用黑色补边</translation>
        </message>
        <message>
            <source>holds {value!r}, not a finite number</source>
            <extracomment>engine: studio/data/tabular.py</extracomment>
            <translation>是 {value!r}，不是有限的数值</translation>
        </message>
        <message>
            <source>{path} is empty. A CSV file needs a header row and data rows.</source>
            <extracomment>engine: studio/data/tabular.py</extracomment>
            <translation>{path} 是空的。CSV 文件需要一个表头行和若干数据行。</translation>
        </message>
        <message>
            <source>is empty</source>
            <extracomment>engine: studio/data/tabular.py</extracomment>
            <translation>是空的</translation>
        </message>
        <message>
            <source>Line {line} of {path} has a label {length:,} characters long in the column {column!r}; class names may have at most {limit} characters.</source>
            <extracomment>engine: studio/data/tabular.py</extracomment>
            <translation>{path} 的第 {line} 行在 {column!r} 列中的标签长 {length:,} 个字符；类别名称最多只能有 {limit} 个字符。</translation>
        </message>
        <message>
            <source>{path} has no column {name!r}. Its columns are: {columns}.</source>
            <extracomment>engine: studio/data/tabular.py</extracomment>
            <translation>{path} 中没有 {name!r} 列。它的列有：{columns}。</translation>
        </message>
        <message>
            <source>holds {value!r}, not a number</source>
            <extracomment>engine: studio/data/tabular.py</extracomment>
            <translation>是 {value!r}，不是数值</translation>
        </message>
        <message>
            <source>{path} is a zip archive or a spreadsheet workbook (.xlsx), not a CSV file. Save it as CSV (UTF-8) and try again.</source>
            <extracomment>engine: studio/data/tabular.py</extracomment>
            <translation>{path} 是 zip 压缩包或电子表格工作簿（.xlsx），不是 CSV 文件。请另存为 CSV（UTF-8）后重试。</translation>
        </message>
        <message>
            <source>{path} is a folder, not a file. Choose a CSV file.</source>
            <extracomment>engine: studio/data/tabular.py</extracomment>
            <translation>{path} 是文件夹，不是文件。请选择一个 CSV 文件。</translation>
        </message>
        <message>
            <source>{path} is not a regular file. Choose a CSV file.</source>
            <extracomment>engine: studio/data/tabular.py</extracomment>
            <translation>{path} 不是普通文件。请选择一个 CSV 文件。</translation>
        </message>
        <message>
            <source>{path} is {size:,} MB, larger than the {limit:,} MB a CSV table may have here. Use a sample of its rows.</source>
            <extracomment>engine: studio/data/tabular.py</extracomment>
            <translation>{path} 有 {size:,} MB，超过了这里 CSV 表格的上限 {limit:,} MB。请只取其中一部分行。</translation>
        </message>
        <message>
            <source>{path} has a header but no data rows.</source>
            <extracomment>engine: studio/data/tabular.py</extracomment>
            <translation>{path} 有表头，但没有数据行。</translation>
        </message>
        <message>
            <source>{path} has no column {name!r}. Did you mean {close!r}? Its columns are: {columns}.</source>
            <extracomment>engine: studio/data/tabular.py</extracomment>
            <translation>{path} 中没有 {name!r} 列。你是指 {close!r} 吗？它的列有：{columns}。</translation>
        </message>
        <message>
            <source>The label column must be a column's name, not {value}.</source>
            <extracomment>engine: studio/data/tabular.py</extracomment>
            <translation>标签列必须是列名，而不是 {value}。</translation>
        </message>
        <message>
            <source>{path} has a single column. It needs feature columns and a label column.</source>
            <extracomment>engine: studio/data/tabular.py</extracomment>
            <translation>{path} 只有一列。它需要特征列和一个标签列。</translation>
        </message>
        <message>
            <source>The file {path} does not exist. Choose a CSV file.</source>
            <extracomment>engine: studio/data/tabular.py</extracomment>
            <translation>文件 {path} 不存在。请选择一个 CSV 文件。</translation>
        </message>
        <message>
            <source>Could not read {path}: {error}.</source>
            <extracomment>engine: studio/data/tabular.py</extracomment>
            <translation>无法读取 {path}：{error}。</translation>
        </message>
        <message>
            <source>{path} is not a UTF-8 text file (after line {line}). Save it as CSV (UTF-8) and try again.</source>
            <extracomment>engine: studio/data/tabular.py</extracomment>
            <translation>{path} 不是 UTF-8 文本文件（第 {line} 行之后）。请另存为 CSV（UTF-8）后重试。</translation>
        </message>
        <message>
            <source>a value longer than {limit:,} characters</source>
            <extracomment>engine: studio/data/tabular.py</extracomment>
            <translation>有一个值超过 {limit:,} 个字符</translation>
        </message>
        <message>
            <source>{path} is not a valid CSV file (line {line}: {error}).</source>
            <extracomment>engine: studio/data/tabular.py</extracomment>
            <translation>{path} 不是有效的 CSV 文件（第 {line} 行：{error}）。</translation>
        </message>
        <message>
            <source>Line {line} of {path} has {values} values but the header has {columns} columns. Every row needs one value per column.</source>
            <extracomment>engine: studio/data/tabular.py</extracomment>
            <translation>{path} 的第 {line} 行有 {values} 个值，但表头有 {columns} 列。每一行的每一列都需要一个值。</translation>
        </message>
        <message>
            <source>A column name in the header of {path} is {length:,} characters long ({start!r}…); names may have at most {limit} characters.</source>
            <extracomment>engine: studio/data/tabular.py</extracomment>
            <translation>{path} 的表头中有一个列名长 {length:,} 个字符（{start!r}…）；列名最多只能有 {limit} 个字符。</translation>
        </message>
        <message>
            <source>Line {line} of {path} has no value in the label column {column!r}. Fill it in or remove that row.</source>
            <extracomment>engine: studio/data/tabular.py</extracomment>
            <translation>{path} 的第 {line} 行在标签列 {column!r} 中没有值。请填上，或删除这一行。</translation>
        </message>
        <message>
            <source>The label column {column!r} of {path} holds one value only ({value!r}); classification needs at least two classes.</source>
            <extracomment>engine: studio/data/tabular.py</extracomment>
            <translation>{path} 的标签列 {column!r} 只有一个值（{value!r}）；分类至少需要两个类别。</translation>
        </message>
        <message>
            <source>Regression needs numbers in the label column {column!r}, but line {line} of {path} holds {value!r}.</source>
            <extracomment>engine: studio/data/tabular.py</extracomment>
            <translation>回归需要标签列 {column!r} 中是数值，但 {path} 的第 {line} 行是 {value!r}。</translation>
        </message>
        <message>
            <source>Column {column!r} on line {line} of {path} {what}. Feature columns must be numbers: fill in or remove that row, or remove the column.</source>
            <extracomment>engine: studio/data/tabular.py</extracomment>
            <translation>{path} 第 {line} 行的 {column!r} 列{what}。特征列必须是数值：请填上或删除这一行，或者删除这一列。</translation>
        </message>
        <message>
            <source>Line {line} of {path} has {count:,} values; a table may have at most {limit:,} columns.</source>
            <extracomment>engine: studio/data/tabular.py</extracomment>
            <translation>{path} 的第 {line} 行有 {count:,} 个值；表格最多只能有 {limit:,} 列。</translation>
        </message>
        <message>
            <source>To add it by hand, copy {files} into {folder}. Data sets that work offline: {alternatives}.</source>
            <extracomment>engine: studio/data/vision.py</extracomment>
            <translation>如需手动添加，请把 {files} 复制到 {folder}。可离线使用的数据集：{alternatives}。</translation>
        </message>
        <message>
            <source>not on this machine; downloads about {size} MB into {folder} (or install it offline: apt-get install dataset-fashion-mnist)</source>
            <extracomment>engine: studio/data/vision.py</extracomment>
            <translation>本机没有；将下载约 {size} MB 到 {folder}（也可离线安装：apt-get install dataset-fashion-mnist）</translation>
        </message>
        <message>
            <source>not on this machine; downloads about {size} MB into {folder}</source>
            <extracomment>engine: studio/data/vision.py</extracomment>
            <translation>本机没有；将下载约 {size} MB 到 {folder}</translation>
        </message>
        <message>
            <source>Downloading {title}: {file}</source>
            <extracomment>engine: studio/data/vision.py</extracomment>
            <translation>正在下载 {title}：{file}</translation>
        </message>
        <message>
            <source>synthetic-shapes (built in)</source>
            <extracomment>engine: studio/data/vision.py</extracomment>
            <translation>synthetic-shapes（内置）</translation>
        </message>
        <message>
            <source>To add it by hand, copy {files} into {folder}. Or install it with: sudo apt-get install dataset-fashion-mnist. Data sets that work offline: {alternatives}.</source>
            <extracomment>engine: studio/data/vision.py</extracomment>
            <translation>如需手动添加，请把 {files} 复制到 {folder}。也可以这样安装：sudo apt-get install dataset-fashion-mnist。可离线使用的数据集：{alternatives}。</translation>
        </message>
        <message>
            <source>found in {folder}</source>
            <extracomment>engine: studio/data/vision.py</extracomment>
            <translation>位于 {folder}</translation>
        </message>
        <message>
            <source>{title} is not on this machine (looked in {folder}) and downloading is turned off</source>
            <extracomment>engine: studio/data/vision.py</extracomment>
            <translation>本机没有 {title}（已在 {folder} 中查找），且下载已关闭</translation>
        </message>
        <message>
            <source>Downloading {title}: {file} ({i} of {n})</source>
            <extracomment>engine: studio/data/vision.py</extracomment>
            <translation>正在下载 {title}：{file}（第 {i} 个，共 {n} 个）</translation>
        </message>
        <message>
            <source>fashion-mnist (already on this machine)</source>
            <extracomment>engine: studio/data/vision.py</extracomment>
            <translation>fashion-mnist（本机已有）</translation>
        </message>
        <message>
            <source>fashion-mnist (install it offline with: sudo apt-get install dataset-fashion-mnist)</source>
            <extracomment>engine: studio/data/vision.py</extracomment>
            <translation>fashion-mnist（可离线安装：sudo apt-get install dataset-fashion-mnist）</translation>
        </message>
        <message>
            <source>{reason}. {hint}</source>
            <extracomment>engine: studio/data/vision.py</extracomment>
            <translation>{reason}。{hint}</translation>
        </message>
        <message>
            <source>{title} is not on this machine and could not be downloaded ({why})</source>
            <extracomment>engine: studio/data/vision.py</extracomment>
            <translation>本机没有 {title}，而且无法下载（{why}）</translation>
        </message>
        <message>
            <source>{reason}. Check the internet connection and try again. {hint} Tried: {tried}.</source>
            <extracomment>engine: studio/data/vision.py</extracomment>
            <translation>{reason}。请检查网络连接后重试。{hint} 已尝试：{tried}。</translation>
        </message>
        <message>
            <source>Unknown device {name!r}: use auto, cpu, cuda, cuda:N or mps</source>
            <extracomment>engine: studio/devices.py</extracomment>
            <translation>未知设备 {name!r}：请使用 auto、cpu、cuda、cuda:N 或 mps</translation>
        </message>
        <message>
            <source>CPU ({threads} threads)</source>
            <extracomment>engine: studio/devices.py</extracomment>
            <translation>CPU（{threads} 个线程）</translation>
        </message>
        <message>
            <source>This machine has no Apple GPU (MPS); use --device cpu or auto</source>
            <extracomment>engine: studio/devices.py</extracomment>
            <translation>本机没有 Apple GPU（MPS）；请使用 --device cpu 或 auto</translation>
        </message>
        <message>
            <source>This machine has no usable CUDA GPU; use --device cpu or auto</source>
            <extracomment>engine: studio/devices.py</extracomment>
            <translation>本机没有可用的 CUDA GPU；请使用 --device cpu 或 auto</translation>
        </message>
        <message>
            <source>There is no GPU {name}: this machine has cuda:0 to cuda:{last}</source>
            <extracomment>engine: studio/devices.py</extracomment>
            <translation>没有 GPU {name}：本机只有 cuda:0 到 cuda:{last}</translation>
        </message>
        <message>
            <source>The layer {node} ({layer}) cannot be exported to {format}: {error}. Replace it or export another format.</source>
            <extracomment>engine: studio/export.py</extracomment>
            <translation>层 {node}（{layer}）无法导出为 {format}：{error}。请替换它，或导出为其他格式。</translation>
        </message>
        <message>
            <source>The model cannot be exported to {format}: {error}</source>
            <extracomment>engine: studio/export.py</extracomment>
            <translation>模型无法导出为 {format}：{error}</translation>
        </message>
        <message>
            <source>Unknown export format {format!r}; choose one of {formats}</source>
            <extracomment>engine: studio/export.py</extracomment>
            <translation>未知的导出格式 {format!r}；请从 {formats} 中选择</translation>
        </message>
        <message>
            <source>{source} is a project without trained weights, and a .{format} file holds only weights: it would hold random numbers that look like a trained model. Train it first (netstudio train PROJECT --out RUN) and export the run folder, or choose onnx, pt2 or py to export the architecture.</source>
            <extracomment>engine: studio/export.py</extracomment>
            <translation>{source} 是没有训练过的项目，而 .{format} 文件只保存权重：导出的会是看起来像训练好的模型的随机数。请先训练它（netstudio train PROJECT --out RUN），再导出运行文件夹；或者选择 onnx、pt2 或 py 导出模型结构。</translation>
        </message>
        <message>
            <source>"{name}" has no trained weights: the {format} export holds freshly initialised (random) weights. Export a trained run folder for a model that predicts.</source>
            <extracomment>engine: studio/export.py</extracomment>
            <translation>“{name}”没有训练好的权重：导出的 {format} 中是刚初始化的（随机）权重。要得到能做预测的模型，请导出训练过的运行文件夹。</translation>
        </message>
        <message>
            <source>The weights do not fit the project's model ({problems}): were they trained for another version of the project?</source>
            <extracomment>engine: studio/export.py</extracomment>
            <translation>权重与项目的模型不匹配（{problems}）：它们是为这个项目的另一个版本训练的吗？</translation>
        </message>
        <message>
            <source>The project cannot be saved as {path}: its name, description or another text field holds a character that is not valid Unicode text (a lone surrogate). Rename it and export again.</source>
            <extracomment>engine: studio/export.py</extracomment>
            <translation>项目无法保存为 {path}：它的名称、描述或其他文本字段中含有无效的 Unicode 字符（孤立的代理项）。请修改该文本后重新导出。</translation>
        </message>
        <message>
            <source>ONNX export needs the packages onnx and onnxscript ({name} is missing): pip install 'netstudio[export]'</source>
            <extracomment>engine: studio/export.py</extracomment>
            <translation>导出 ONNX 需要 onnx 和 onnxscript 两个包（缺少 {name}）：pip install 'netstudio[export]'</translation>
        </message>
        <message>
            <source>"{name}" has no trained weights, so the package has no {file}: predict.py runs with random weights until train.py has trained the model.</source>
            <extracomment>engine: studio/export_package/__init__.py</extracomment>
            <translation>“{name}”没有训练好的权重，所以程序包中没有 {file}：在 train.py 训练好模型之前，predict.py 使用随机权重运行。</translation>
        </message>
        <message>
            <source>train.py was not written: training needs exactly one Output layer (it says which loss to use), and this model has {count}.</source>
            <extracomment>engine: studio/export_package/__init__.py</extracomment>
            <translation>没有写出 train.py：训练需要模型恰好有一个 Output 层（由它指定损失函数），而这个模型有{count}。</translation>
        </message>
        <message>
            <source>several</source>
            <extracomment>engine: studio/export_package/__init__.py</extracomment>
            <translation>多个</translation>
        </message>
        <message>
            <source>none</source>
            <extracomment>engine: studio/export_package/__init__.py</extracomment>
            <translation>零个</translation>
        </message>
        <message>
            <source>{path} is not a state_dict (a mapping of names to tensors) or a NetStudio checkpoint</source>
            <extracomment>engine: studio/export_sources.py</extracomment>
            <translation>{path} 既不是 state_dict（名称到张量的映射），也不是 NetStudio 检查点</translation>
        </message>
        <message>
            <source>There is no weights file {path}</source>
            <extracomment>engine: studio/export_sources.py</extracomment>
            <translation>权重文件 {path} 不存在</translation>
        </message>
        <message>
            <source>{path} holds only weights; put the project they belong to beside it as {name}</source>
            <extracomment>engine: studio/export_sources.py</extracomment>
            <translation>{path} 只包含权重；请把它们所属的项目放在它旁边，命名为 {name}</translation>
        </message>
        <message>
            <source>{path} has no {file}: exporting its last checkpoint (epoch {epoch})</source>
            <extracomment>engine: studio/export_sources.py</extracomment>
            <translation>{path} 中没有 {file}：改为导出它最后的检查点（第 {epoch} 轮）</translation>
        </message>
        <message>
            <source>{path} ends in {suffix}, the extension of {owner} files, but the format is {format}: name it {name}, or choose the format {owner}.</source>
            <extracomment>engine: studio/export_targets.py</extracomment>
            <translation>{path} 以 {suffix} 结尾，这是 {owner} 文件的扩展名，但格式是 {format}：请把它命名为 {name}，或选择 {owner} 格式。</translation>
        </message>
        <message>
            <source>{first} and {second} already exist: an export never replaces files unless asked to. Choose another name, or use --force to replace them.</source>
            <extracomment>engine: studio/export_targets.py</extracomment>
            <translation>{first} 和 {second} 已经存在：除非明确要求，导出从不替换文件。请换一个名字，或使用 --force 替换它们。</translation>
        </message>
        <message>
            <source>The package could not be written to {folder}: {error}. Nothing was changed there.</source>
            <extracomment>engine: studio/export_targets.py</extracomment>
            <translation>无法把程序包写入 {folder}：{error}。那里没有任何改动。</translation>
        </message>
        <message>
            <source>{path} is not a file name: name the export</source>
            <extracomment>engine: studio/export_targets.py</extracomment>
            <translation>{path} 不是文件名：请为导出的文件命名</translation>
        </message>
        <message>
            <source>{path} ends in {suffix}, but the py export writes a folder (or a .py file): name it {folder} or {file}.</source>
            <extracomment>engine: studio/export_targets.py</extracomment>
            <translation>{path} 以 {suffix} 结尾，但 py 导出写出的是一个文件夹（或一个 .py 文件）：请命名为 {folder} 或 {file}。</translation>
        </message>
        <message>
            <source>{path} ends in {suffix}, the extension of project files, but a {format} export is a {wanted} file: name it {name}.</source>
            <extracomment>engine: studio/export_targets.py</extracomment>
            <translation>{path} 以 {suffix} 结尾，这是项目文件的扩展名，但 {format} 导出的是 {wanted} 文件：请命名为 {name}。</translation>
        </message>
        <message>
            <source>{path} already exists, and the export writes the project beside the weights under that name. Choose another name, or use --force to replace it.</source>
            <extracomment>engine: studio/export_targets.py</extracomment>
            <translation>{path} 已经存在，而导出会以这个名字把项目写在权重旁边。请换一个名字，或使用 --force 替换它。</translation>
        </message>
        <message>
            <source>{path} already exists: an export never replaces a file unless asked to. Choose another name, or use --force to replace it.</source>
            <extracomment>engine: studio/export_targets.py</extracomment>
            <translation>{path} 已经存在：除非明确要求，导出从不替换文件。请换一个名字，或使用 --force 替换它。</translation>
        </message>
        <message>
            <source>{folder} is a file or a link; the py export writes a new folder (or give a name ending in .py for the model's source alone).</source>
            <extracomment>engine: studio/export_targets.py</extracomment>
            <translation>{folder} 是文件或链接；py 导出会写出一个新文件夹（如果只要模型的源代码，请给出以 .py 结尾的名字）。</translation>
        </message>
        <message>
            <source>{folder} already exists and holds files that an export did not write ({names}): the py export never deletes them. Move them, or choose a new folder name.</source>
            <extracomment>engine: studio/export_targets.py</extracomment>
            <translation>{folder} 已经存在，其中有不是导出写入的文件（{names}）：py 导出从不删除它们。请移走它们，或换一个新的文件夹名。</translation>
        </message>
        <message>
            <source>{folder} already exists and is not an earlier NetStudio package export: the py export never deletes it. Choose a new folder name.</source>
            <extracomment>engine: studio/export_targets.py</extracomment>
            <translation>{folder} 已经存在，而且不是之前由 NetStudio 导出的程序包：py 导出从不删除它。请换一个新的文件夹名。</translation>
        </message>
        <message>
            <source>{folder} already holds an earlier package export. Choose another name, or use --force to replace it.</source>
            <extracomment>engine: studio/export_targets.py</extracomment>
            <translation>{folder} 中已有之前导出的程序包。请换一个名字，或使用 --force 替换它。</translation>
        </message>
        <message>
            <source>{path} is part of what is being exported: write the export under another name.</source>
            <extracomment>engine: studio/export_targets.py</extracomment>
            <translation>{path} 是正在导出的内容的一部分：请用另一个名字写出导出结果。</translation>
        </message>
        <message>
            <source>{folder} cannot be read: {error}</source>
            <extracomment>engine: studio/export_targets.py</extracomment>
            <translation>无法读取 {folder}：{error}</translation>
        </message>
        <message>
            <source>Computing the frozen backbone's features once ({samples:,} samples)…</source>
            <extracomment>engine: studio/feature_cache.py</extracomment>
            <translation>正在一次性计算冻结骨干网络的特征（{samples:,} 个样本）…</translation>
        </message>
        <message>
            <source>Training the head on cached features.</source>
            <extracomment>engine: studio/feature_cache.py</extracomment>
            <translation>在缓存的特征上训练输出头。</translation>
        </message>
        <message>
            <source>The frozen backbone's features take {size}, more than the {limit} kept in memory: they are written to a file in {folder}, removed when the run ends.</source>
            <extracomment>engine: studio/feature_cache.py</extracomment>
            <translation>冻结骨干网络的特征占用 {size}，超过了内存中最多保留的 {limit}：它们会写入 {folder} 中的一个文件，运行结束时删除。</translation>
        </message>
        <message>
            <source>The frozen backbone's features would take {size}, more than the {limit} kept in memory, and {refusal}: the whole model runs every epoch. {env} names another folder for them.</source>
            <extracomment>engine: studio/feature_cache.py</extracomment>
            <translation>冻结骨干网络的特征会占用 {size}，超过了内存中最多保留的 {limit}，而且{refusal}：每一轮都会运行整个模型。可以用 {env} 为它们指定另一个文件夹。</translation>
        </message>
        <message>
            <source>more than the disk holding {folder} has free ({free})</source>
            <extracomment>engine: studio/feature_disk.py</extracomment>
            <translation>超过了 {folder} 所在磁盘的可用空间（{free}）</translation>
        </message>
        <message>
            <source>{folder} cannot be written ({error})</source>
            <extracomment>engine: studio/feature_disk.py</extracomment>
            <translation>{folder} 无法写入（{error}）</translation>
        </message>
        <message>
            <source>The frozen backbone's features ({size}) could not be written to {folder}: {error}. Free some space there, or set {env} to a folder on a larger disk.</source>
            <extracomment>engine: studio/feature_disk.py</extracomment>
            <translation>冻结骨干网络的特征（{size}）无法写入 {folder}：{error}。请在那里腾出一些空间，或把 {env} 设为更大磁盘上的文件夹。</translation>
        </message>
        <message>
            <source>there is no space left on the disk</source>
            <extracomment>engine: studio/files.py</extracomment>
            <translation>磁盘上没有剩余空间</translation>
        </message>
        <message>
            <source>the disk quota is used up</source>
            <extracomment>engine: studio/files.py</extracomment>
            <translation>磁盘配额已用完</translation>
        </message>
        <message>
            <source>the disk is read-only</source>
            <extracomment>engine: studio/files.py</extracomment>
            <translation>磁盘是只读的</translation>
        </message>
        <message>
            <source>permission denied</source>
            <extracomment>engine: studio/files.py</extracomment>
            <translation>权限不足</translation>
        </message>
        <message>
            <source>a folder of that name is in the way</source>
            <extracomment>engine: studio/files.py</extracomment>
            <translation>已有同名的文件夹</translation>
        </message>
        <message>
            <source>a file is in the way of its folder</source>
            <extracomment>engine: studio/files.py</extracomment>
            <translation>它的文件夹所在的位置已有一个同名文件</translation>
        </message>
        <message>
            <source>the name is too long</source>
            <extracomment>engine: studio/files.py</extracomment>
            <translation>名字太长</translation>
        </message>
        <message>
            <source>Could not write {path}: {reason}. Nothing was changed.</source>
            <extracomment>engine: studio/files.py</extracomment>
            <translation>无法写入 {path}：{reason}。没有做任何改动。</translation>
        </message>
        <message>
            <source>The data set's samples are {shape}; the Input takes {now}.</source>
            <extracomment>engine: studio/fit.py</extracomment>
            <translation>数据集的样本是 {shape}；而 Input 接收的是 {now}。</translation>
        </message>
        <message>
            <source>The backbone {node} sees {side}×{side} images. With the Input at {shape} (now {now}), your photos are resized once, straight to the size it sees.</source>
            <extracomment>engine: studio/fit.py</extracomment>
            <translation>骨干网络 {node} 看到的是 {side}×{side} 的图像。把 Input 设为 {shape}（现在是 {now}），你的照片只需调整一次大小，直接变成它看到的尺寸。</translation>
        </message>
        <message>
            <source>The data set's images are resized to {size}; the Input takes {now}.</source>
            <extracomment>engine: studio/fit.py</extracomment>
            <translation>数据集的图像会调整为 {size}；而 Input 接收的是 {now}。</translation>
        </message>
        <message>
            <source>The data set {title} has samples of shape {shape}, but the model's Input expects {expected}; set the Input's shape to {wanted}</source>
            <extracomment>engine: studio/fit.py</extracomment>
            <translation>数据集 {title} 的样本形状是 {shape}，但模型的 Input 需要 {expected}；请把 Input 的形状设为 {wanted}</translation>
        </message>
        <message>
            <source>{title} has {classes} classes: set the Output's loss to cross_entropy</source>
            <extracomment>engine: studio/fit.py</extracomment>
            <translation>{title} 有 {classes} 个类别：请把 Output 的损失函数设为 cross_entropy</translation>
        </message>
        <message>
            <source>The model ends in {width} outputs but {title} has {classes} classes; set the last Dense layer's units to {classes}</source>
            <extracomment>engine: studio/fit.py</extracomment>
            <translation>模型最后输出 {width} 个值，但 {title} 有 {classes} 个类别；请把最后一个 Dense 层的单元数设为 {classes}</translation>
        </message>
        <message>
            <source>{title} already gives the model pixels from 0 to 1, so this Rescaling (scale {scale:.4g}) squeezes them into {low:.3g} to {high:.3g}, and the model learns slowly or not at all. Keras guides scale pixels of 0 to 255: set the scale to {fixed:.4g} to get the range the guide meant, {meant_low:.3g} to {meant_high:.3g}</source>
            <extracomment>engine: studio/fit.py</extracomment>
            <translation>{title} 给模型的像素已经在 0 到 1 之间，所以这个 Rescaling（scale {scale:.4g}）会把它们压缩到 {low:.3g} 到 {high:.3g}，模型学得很慢，甚至学不会。Keras 指南缩放的是 0 到 255 的像素：请把 scale 设为 {fixed:.4g}，得到指南想要的范围 {meant_low:.3g} 到 {meant_high:.3g}</translation>
        </message>
        <message>
            <source>The model reproduces its input, so it must end in {expected}, but it ends in {shape}</source>
            <extracomment>engine: studio/fit.py</extracomment>
            <translation>模型要重建它的输入，所以最后必须输出 {expected}，但它输出的是 {shape}</translation>
        </message>
        <message>
            <source>{title} holds numbers to predict (regression): set the Output's loss to mse</source>
            <extracomment>engine: studio/fit.py</extracomment>
            <translation>{title} 要预测的是数值（回归）：请把 Output 的损失函数设为 mse</translation>
        </message>
        <message>
            <source>{head} judges real or fake, a yes/no question: set its loss to binary_cross_entropy</source>
            <extracomment>engine: studio/gan.py</extracomment>
            <translation>{head} 判断真假，这是一个是/否问题：请把它的损失函数设为 binary_cross_entropy</translation>
        </message>
        <message>
            <source>The discriminator must end in one number (how real the sample looks), but it ends in a {got}; end it with Dense(1, sigmoid) before {head}</source>
            <extracomment>engine: studio/gan.py</extracomment>
            <translation>判别器最后必须输出一个数（样本看起来有多真实），但它输出的是 {got}；请在 {head} 之前用 Dense(1, sigmoid) 结尾</translation>
        </message>
        <message>
            <source>generator</source>
            <extracomment>engine: studio/gan.py</extracomment>
            <translation>生成器</translation>
        </message>
        <message>
            <source>discriminator</source>
            <extracomment>engine: studio/gan.py</extracomment>
            <translation>判别器</translation>
        </message>
        <message>
            <source>This model is not a GAN: a GAN ends in an Output whose target is real_or_fake, where the discriminator says whether a sample is real or generated</source>
            <extracomment>engine: studio/gan.py</extracomment>
            <translation>这个模型不是 GAN：GAN 以目标为 real_or_fake 的 Output 结尾，由判别器判断样本是真实的还是生成的</translation>
        </message>
        <message>
            <source>A GAN has one Output, the discriminator's verdict, but this model has {count} ({nodes}); remove the others</source>
            <extracomment>engine: studio/gan.py</extracomment>
            <translation>GAN 只有一个 Output，即判别器的判断，但这个模型有 {count} 个（{nodes}）；请删除多余的</translation>
        </message>
        <message>
            <source>A GAN starts from one Input, the generator's noise vector, but this one has {count} ({nodes}); real samples need no Input of their own, they enter the discriminator where the generated sample does</source>
            <extracomment>engine: studio/gan.py</extracomment>
            <translation>GAN 从一个 Input 开始，即生成器的噪声向量，但这个模型有 {count} 个（{nodes}）；真实样本不需要自己的 Input，它们从生成样本进入判别器的地方进入</translation>
        </message>
        <message>
            <source>The generator starts from random numbers, so its Input must be a float vector such as [64], not a {got}</source>
            <extracomment>engine: studio/gan.py</extracomment>
            <translation>生成器从随机数开始，所以它的 Input 必须是浮点向量，例如 [64]，而不是 {got}</translation>
        </message>
        <message>
            <source>Nothing between the noise and {head} has the shape of a sample ({shape}) with every connection passing through it: the generator must draw one sample of the data's shape and the discriminator start from it; end the generator in a Reshape to {target}</source>
            <extracomment>engine: studio/gan.py</extracomment>
            <translation>在噪声和 {head} 之间，没有一个所有连接都经过、且形状与样本相同（{shape}）的层：生成器必须画出一个与数据形状相同的样本，判别器从它开始；请让生成器以 Reshape 到 {target} 结尾</translation>
        </message>
        <message>
            <source>The {what} has no layer with weights, so it cannot learn; give it a Dense or a convolution</source>
            <extracomment>engine: studio/gan.py</extracomment>
            <translation>{what}中没有带权重的层，所以无法学习；请给它加一个 Dense 或卷积层</translation>
        </message>
        <message>
            <source>A GAN in NetStudio learns to draw images that fit in memory, and {title} does not hold such images; choose an image data set such as synthetic-shapes or fashion-mnist</source>
            <extracomment>engine: studio/gan.py</extracomment>
            <translation>NetStudio 中的 GAN 学习画出能放进内存的图像，而 {title} 不包含这样的图像；请选择图像数据集，例如 synthetic-shapes 或 fashion-mnist</translation>
        </message>
        <message>
            <source>{title} has no training samples</source>
            <extracomment>engine: studio/gan.py</extracomment>
            <translation>{title} 中没有训练样本</translation>
        </message>
        <message>
            <source>{names} … ({count:,} nodes)</source>
            <extracomment>engine: studio/graph.py</extracomment>
            <translation>{names} …（共 {count:,} 个节点）</translation>
        </message>
        <message>
            <source>{node}: the position must be two numbers between -{limit:g} and {limit:g}</source>
            <extracomment>engine: studio/graph.py</extracomment>
            <translation>{node}：位置必须是两个介于 -{limit:g} 到 {limit:g} 之间的数</translation>
        </message>
        <message>
            <source>{node!r} cannot name a node: use lowercase letters, digits and _, starting with a letter</source>
            <extracomment>engine: studio/graph.py</extracomment>
            <translation>{node!r} 不能用作节点名：请使用小写字母、数字和 _，并以字母开头</translation>
        </message>
        <message>
            <source>There is already a node named {node!r}</source>
            <extracomment>engine: studio/graph.py</extracomment>
            <translation>已经有一个名为 {node!r} 的节点</translation>
        </message>
        <message>
            <source>{node} is an {layer} and takes no incoming connection</source>
            <extracomment>engine: studio/graph.py</extracomment>
            <translation>{node} 是 {layer}，不接受输入连接</translation>
        </message>
        <message>
            <source>{node} has no input {port} (it has {count})</source>
            <extracomment>engine: studio/graph.py</extracomment>
            <translation>{node} 没有输入 {port}（它有 {count} 个输入）</translation>
        </message>
        <message>
            <source>{node} is an Output: nothing can follow it</source>
            <extracomment>engine: studio/graph.py</extracomment>
            <translation>{node} 是 Output：后面不能再接任何层</translation>
        </message>
        <message>
            <source>Connecting {source} to {target} would make a loop ({target} already leads to {source}); a model must flow one way</source>
            <extracomment>engine: studio/graph.py</extracomment>
            <translation>把 {source} 连到 {target} 会形成环路（{target} 已经通向 {source}）；模型中的数据必须单向流动</translation>
        </message>
        <message>
            <source>{node} is already connected; remove that connection first</source>
            <extracomment>engine: studio/graph.py</extracomment>
            <translation>{node} 已经有连接；请先删除那条连接</translation>
        </message>
        <message>
            <source>There is no connection from {source} to {target}</source>
            <extracomment>engine: studio/graph.py</extracomment>
            <translation>没有从 {source} 到 {target} 的连接</translation>
        </message>
        <message>
            <source>{node} has connections on inputs above {count}; remove them first</source>
            <extracomment>engine: studio/graph.py</extracomment>
            <translation>{node} 在第 {count} 个之后的输入上还有连接；请先删除它们</translation>
        </message>
        <message>
            <source>These nodes form a loop: {nodes}; remove one connection</source>
            <extracomment>engine: studio/graph.py</extracomment>
            <translation>这些节点形成了环路：{nodes}；请删除其中一条连接</translation>
        </message>
        <message>
            <source>input {port} of {node} is connected twice</source>
            <extracomment>engine: studio/graph.py</extracomment>
            <translation>{node} 的输入 {port} 连接了两次</translation>
        </message>
        <message>
            <source>There is no node {node!r} in the graph</source>
            <extracomment>engine: studio/graph.py</extracomment>
            <translation>图中没有节点 {node!r}</translation>
        </message>
        <message>
            <source>{node}: {error}</source>
            <extracomment>engine: studio/graph.py</extracomment>
            <translation>{node}：{error}</translation>
        </message>
        <message>
            <source>input {port} of {node} is already connected; remove that connection first</source>
            <extracomment>engine: studio/graph.py</extracomment>
            <translation>{node} 的输入 {port} 已经有连接；请先删除那条连接</translation>
        </message>
        <message>
            <source>{path}: this version imports {formats} files, not {suffix!r}</source>
            <extracomment>engine: studio/importers/__init__.py</extracomment>
            <translation>{path}：这个版本只能导入 {formats} 文件，不能导入 {suffix!r}</translation>
        </message>
        <message>
            <source>{option} does not apply to {suffix} files</source>
            <extracomment>engine: studio/importers/__init__.py</extracomment>
            <translation>{option} 不适用于 {suffix} 文件</translation>
        </message>
        <message>
            <source>cut off: the import ends at node {node}, as asked</source>
            <extracomment>engine: studio/importers/cut.py</extracomment>
            <translation>已截断：按要求，导入到节点 {node} 为止</translation>
        </message>
        <message>
            <source>{path} cannot be imported: {count} operator(s) have no NetStudio layer or settings it cannot express exactly: {ops}</source>
            <extracomment>engine: studio/importers/cut.py</extracomment>
            <translation>{path} 无法导入：有 {count} 个算子没有对应的 NetStudio 层，或其设置无法被精确表达：{ops}</translation>
        </message>
        <message>
            <source>NetStudio has no pretrained {cls}; its pretrained blocks are {known}</source>
            <extracomment>engine: studio/importers/keras_applications.py</extracomment>
            <translation>NetStudio 没有预训练的 {cls}；它的预训练模块有：{known}</translation>
        </message>
        <message>
            <source>{cls} with its ImageNet classifier (include_top=True) is not imported; write include_top=False and a Dense head, as transfer learning does</source>
            <extracomment>engine: studio/importers/keras_applications.py</extracomment>
            <translation>不导入带 ImageNet 分类器（include_top=True）的 {cls}；请像迁移学习那样写 include_top=False，再加一个 Dense 输出头</translation>
        </message>
        <message>
            <source>NetStudio's pretrained blocks average their features; pooling={pooling!r} is not one of them</source>
            <extracomment>engine: studio/importers/keras_applications.py</extracomment>
            <translation>NetStudio 的预训练模块对特征取平均；不支持 pooling={pooling!r}</translation>
        </message>
        <message>
            <source>{cls}: weights={weights!r} (a file of weights) is not imported; NetStudio's block uses ImageNet or none</source>
            <extracomment>engine: studio/importers/keras_applications.py</extracomment>
            <translation>{cls}：weights={weights!r}（权重文件）未导入；NetStudio 的模块使用 ImageNet 权重或 none</translation>
        </message>
        <message>
            <source>NetStudio's {cls} has nothing for Keras' {arg}</source>
            <extracomment>engine: studio/importers/keras_applications.py</extracomment>
            <translation>NetStudio 的 {cls} 没有与 Keras 的 {arg} 对应的设置</translation>
        </message>
        <message>
            <source>{cls}: torchvision's model and ImageNet weights stand for Keras' (the same architecture family and {features} features; the weights were trained separately, and the block normalises its input itself)</source>
            <extracomment>engine: studio/importers/keras_applications.py</extracomment>
            <translation>{cls}：用 torchvision 的模型和 ImageNet 权重代替 Keras 的（架构系列相同，同样输出 {features} 个特征；但权重是分别训练的，而且该模块会自己对输入做标准化）</translation>
        </message>
        <message>
            <source>NetStudio reads the code without running it, so it cannot know what this gives: write the layers out one by one, with numbers</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>NetStudio 只读取代码而不运行它，所以无法知道这里会得到什么：请把各层逐一写出来，并写明具体数字</translation>
        </message>
        <message>
            <source>line {line}</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>第 {line} 行</translation>
        </message>
        <message>
            <source>{path} is larger than {size} MB: not Keras model code</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>{path} 大于 {size} MB：不是 Keras 模型代码</translation>
        </message>
        <message>
            <source>{source} is longer than {size} MB: not Keras model code</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>{source} 超过 {size} MB：不是 Keras 模型代码</translation>
        </message>
        <message>
            <source>Line {line}: {cls} is a subclass of Model, whose layers are used by code in its call(); NetStudio reads Sequential and functional (Model(inputs, outputs)) models. Write it as one of those</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>第 {line} 行：{cls} 是 Model 的子类，它的各层由 call() 中的代码调用；NetStudio 只读取 Sequential 模型和函数式（Model(inputs, outputs)）模型。请把它改写成其中一种</translation>
        </message>
        <message>
            <source>{source}: found no Keras model in the code (Sequential([...]), model.add(...) or Model(inputs, outputs))</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>{source}：代码中没有找到 Keras 模型（Sequential([...])、model.add(...) 或 Model(inputs, outputs)）</translation>
        </message>
        <message>
            <source>the model is built in a loop. {advice}</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>模型是在循环中构建的。{advice}</translation>
        </message>
        <message>
            <source>the layers depend on {condition}, known only when the code runs. {advice}</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>各层取决于 {condition}，只有在代码运行时才知道。{advice}</translation>
        </message>
        <message>
            <source>Line {line}: the model's layers are made in a loop or under a condition that only running the code decides; write the layers out one by one</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>第 {line} 行：模型的各层是在循环中或在只有运行代码才能确定的条件下创建的；请把各层逐一写出来</translation>
        </message>
        <message>
            <source>{cls} → {node}</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>{cls} → {node}</translation>
        </message>
        <message>
            <source>{cls} → {node} (pretrained block)</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>{cls} → {node}（预训练模块）</translation>
        </message>
        <message>
            <source>Line {line}: {cls} takes the feature maps of a pretrained model; NetStudio's pretrained blocks give their features averaged. Write pooling="avg" in the model, or a GlobalAveragePooling2D after it</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>第 {line} 行：{cls} 接收的是预训练模型的特征图，而 NetStudio 的预训练模块给出的是平均后的特征。请在模型中写 pooling="avg"，或在它之后加 GlobalAveragePooling2D</translation>
        </message>
        <message>
            <source>{text} (line {line}) is only known when the code runs.</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>{text}（第 {line} 行）只有在代码运行时才知道。</translation>
        </message>
        <message>
            <source>Line {line}: {cls} is a custom layer (its computation is code of its own); NetStudio cannot import what that code computes. Replace it with built-in Keras layers</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>第 {line} 行：{cls} 是自定义层（它的计算由自己的代码完成）；NetStudio 无法导入这段代码所做的计算。请用 Keras 内置层替换它</translation>
        </message>
        <message>
            <source>None of the model's layers could be imported; see the report</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>模型的层一个也无法导入；请查看报告</translation>
        </message>
        <message>
            <source>The imported graph does not fit together ({problems}); see the report for what was left out</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>导入的图中各层不匹配（{problems}）；哪些内容未导入请查看报告</translation>
        </message>
        <message>
            <source>the data set keras.datasets.{name} is not one NetStudio has; choose one in the project</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>NetStudio 没有数据集 keras.datasets.{name}；请在项目中选择一个数据集</translation>
        </message>
        <message>
            <source>Cannot read {path}: {reason}</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>无法读取 {path}：{reason}</translation>
        </message>
        <message>
            <source>{path} is not UTF-8 text (byte {offset}): not Python code</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>{path} 不是 UTF-8 文本（第 {offset} 字节）：不是 Python 代码</translation>
        </message>
        <message>
            <source>Imported from the Keras code in {source} (the variable {model}).</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>从 {source} 中的 Keras 代码导入（变量 {model}）。</translation>
        </message>
        <message>
            <source>another model ({name}): NetStudio imports one model per file, the one that is compiled (else the last)</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>另一个模型（{name}）：NetStudio 每个文件只导入一个模型，即调用了 compile 的那个（否则为最后一个）</translation>
        </message>
        <message>
            <source>Line {line}: the model's layers come from {text}, known only when the code runs; write the layers out one by one</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>第 {line} 行：模型的各层来自 {text}，只有在代码运行时才知道；请把各层逐一写出来</translation>
        </message>
        <message>
            <source>Line {line}: the model's input shape is not written; add input_shape=(…) to the first layer, or keras.Input(shape=(…)) before it</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>第 {line} 行：没有写出模型的输入形状；请给第一层加上 input_shape=(…)，或在它之前加 keras.Input(shape=(…))</translation>
        </message>
        <message>
            <source>Line {line}: the model's inputs or outputs could not be read (Model(inputs, outputs) must name Input tensors and the layers' results); see the report</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>第 {line} 行：无法读取模型的输入或输出（Model(inputs, outputs) 必须给出 Input 张量和各层的结果）；请查看报告</translation>
        </message>
        <message>
            <source>The model's output depends on layers that could not be imported; see the report</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>模型的输出依赖于无法导入的层；请查看报告</translation>
        </message>
        <message>
            <source>Line {line}: the input shape {shape} must be written as whole numbers (NetStudio needs every size fixed, None included)</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>第 {line} 行：输入形状 {shape} 必须写成整数（NetStudio 需要每一维的大小都是固定的，不能是 None）</translation>
        </message>
        <message>
            <source>Input {keras} (channels last, Keras) → {ours} (channels first, NetStudio)</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>Input {keras}（通道在后，Keras）→ {ours}（通道在前，NetStudio）</translation>
        </message>
        <message>
            <source>Input {shape}</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>Input {shape}</translation>
        </message>
        <message>
            <source>{cls} computes what its own code says; NetStudio cannot know that without running it (and never runs it)</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>{cls} 计算的是它自己的代码所写的内容；NetStudio 不运行代码就无法知道（而它从不运行代码）</translation>
        </message>
        <message>
            <source>{cls}: {text} depends on how the code is started; {value} (its value when started plainly) is used</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>{cls}：{text} 取决于代码的启动方式；使用 {value}（直接启动时的值）</translation>
        </message>
        <message>
            <source>{cls}: {text} {advice}</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>{cls}：{text}{advice}</translation>
        </message>
        <message>
            <source>{cls}: computes nothing, no node needed</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>{cls}：不做任何计算，不需要节点</translation>
        </message>
        <message>
            <source>{cls}'s activation → {node} (as Keras computes it: {params})</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>{cls} 的激活函数 → {node}（按 Keras 的算法：{params}）</translation>
        </message>
        <message>
            <source>{cls}({arg}=…) {reason}</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>{cls}({arg}=…)：{reason}</translation>
        </message>
        <message>
            <source>{cls} is applied {count} times; Keras shares its weights between the calls, NetStudio gives each call its own</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>{cls} 被调用了 {count} 次；Keras 在各次调用之间共享权重，NetStudio 则给每次调用各自的权重</translation>
        </message>
        <message>
            <source>{cls}: {node} averages its features already, no node needed</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>{cls}：{node} 已经对特征取平均，不需要节点</translation>
        </message>
        <message>
            <source>Flatten reads the {shape} channels-first image in another order than Keras does with channels last; the graph is new, so this changes nothing it can learn (it would matter only for weights trained in Keras)</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>Flatten 读取通道在前的 {shape} 图像时，顺序与 Keras 在通道在后时不同；图是新建的，所以这不影响它能学到的东西（只有对在 Keras 中训练好的权重才有影响）</translation>
        </message>
        <message>
            <source>Input {shape} is flattened at once: read as a 1×{h}×{w} grayscale image, as NetStudio's image data sets give (the same {n} numbers)</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>Input {shape} 一开始就被展平：按 NetStudio 图像数据集给出的形式读作 1×{h}×{w} 的灰度图像（同样是 {n} 个数）</translation>
        </message>
        <message>
            <source>data set {name} → {ours}</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>数据集 {name} → {ours}</translation>
        </message>
        <message>
            <source>{text} is not a layer NetStudio can read. {advice}</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>{text} 不是 NetStudio 能读取的层。{advice}</translation>
        </message>
        <message>
            <source>{cls}: what flows into it was not imported</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>{cls}：它的输入没有被导入</translation>
        </message>
        <message>
            <source>{cls} left out: {reason}</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>{cls} 未导入：{reason}</translation>
        </message>
        <message>
            <source>Line {line}: {reason}</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation>第 {line} 行：{reason}</translation>
        </message>
        <message>
            <source>NetStudio has no layer like Keras' {cls}</source>
            <extracomment>engine: studio/importers/keras_file.py</extracomment>
            <translation>NetStudio 没有与 Keras 的 {cls} 对应的层</translation>
        </message>
        <message>
            <source>{path} cannot be imported: {count} layer(s) have no NetStudio layer or settings it cannot express exactly: {layers}</source>
            <extracomment>engine: studio/importers/keras_file.py</extracomment>
            <translation>{path} 无法导入：有 {count} 个层没有对应的 NetStudio 层，或其设置无法被精确表达：{layers}</translation>
        </message>
        <message>
            <source>{path}: the imported graph does not fit together: {problem}</source>
            <extracomment>engine: studio/importers/keras_file.py</extracomment>
            <translation>{path}：导入的图中各层不匹配：{problem}</translation>
        </message>
        <message>
            <source>compile</source>
            <extracomment>engine: studio/importers/keras_file.py</extracomment>
            <translation>compile</translation>
        </message>
        <message>
            <source>its computation is Python code stored in the file (a Lambda); NetStudio never runs code from a file. Replace it with built-in Keras layers</source>
            <extracomment>engine: studio/importers/keras_file.py</extracomment>
            <translation>它的计算是存储在文件中的 Python 代码（Lambda）；NetStudio 从不运行文件中的代码。请用 Keras 内置层替换它</translation>
        </message>
        <message>
            <source>a model used as a layer is not imported; save the model with its layers in one Sequential or functional model</source>
            <extracomment>engine: studio/importers/keras_file.py</extracomment>
            <translation>不导入用作层的模型；请把模型连同它的层保存为一个 Sequential 模型或函数式模型</translation>
        </message>
        <message>
            <source>{cls} is a custom layer: its computation is code that is not in the file (and NetStudio would never run it). Replace it with built-in Keras layers</source>
            <extracomment>engine: studio/importers/keras_file.py</extracomment>
            <translation>{cls} 是自定义层：它的计算是不在文件中的代码（NetStudio 也绝不会运行它）。请用 Keras 内置层替换它</translation>
        </message>
        <message>
            <source>{cls} is not a layer NetStudio knows (a custom layer, or a Keras layer NetStudio does not have)</source>
            <extracomment>engine: studio/importers/keras_file.py</extracomment>
            <translation>{cls} 不是 NetStudio 认识的层（是自定义层，或 NetStudio 没有的 Keras 层）</translation>
        </message>
        <message>
            <source>Imported from the Keras model file {file}, with its trained weights.</source>
            <extracomment>engine: studio/importers/keras_file.py</extracomment>
            <translation>从 Keras 模型文件 {file} 导入，包括其训练好的权重。</translation>
        </message>
        <message>
            <source>{path}: the model is a {cls}, a subclass of Model whose own code uses its layers; NetStudio imports Sequential and functional models</source>
            <extracomment>engine: studio/importers/keras_file.py</extracomment>
            <translation>{path}：模型是 {cls}，这是 Model 的子类，由它自己的代码使用它的层；NetStudio 只导入 Sequential 模型和函数式模型</translation>
        </message>
        <message>
            <source>{path}: the model's config lists no layers</source>
            <extracomment>engine: studio/importers/keras_file.py</extracomment>
            <translation>{path}：模型的配置中没有列出任何层</translation>
        </message>
        <message>
            <source>{path}: the file does not say the model's input shape (it was saved before being built); give it keras.Input(shape=(…)) and save it again</source>
            <extracomment>engine: studio/importers/keras_file.py</extracomment>
            <translation>{path}：文件中没有给出模型的输入形状（模型在构建之前就被保存了）；请给它加上 keras.Input(shape=(…)) 后重新保存</translation>
        </message>
        <message>
            <source>{path}: the model has no layers</source>
            <extracomment>engine: studio/importers/keras_file.py</extracomment>
            <translation>{path}：模型没有层</translation>
        </message>
        <message>
            <source>{path}: the model has no outputs</source>
            <extracomment>engine: studio/importers/keras_file.py</extracomment>
            <translation>{path}：模型没有输出</translation>
        </message>
        <message>
            <source>the file names no loss NetStudio has; the Output node uses {loss}, chosen from the last layer</source>
            <extracomment>engine: studio/importers/keras_file.py</extracomment>
            <translation>文件中没有指定 NetStudio 支持的损失函数；Output 节点使用 {loss}，这是根据最后一层选择的</translation>
        </message>
        <message>
            <source>{path}: the config does not say clearly what layer {name} reads</source>
            <extracomment>engine: studio/importers/keras_file.py</extracomment>
            <translation>{path}：配置中没有明确说明层 {name} 读取什么</translation>
        </message>
        <message>
            <source>{path}: the model's outputs cannot be read</source>
            <extracomment>engine: studio/importers/keras_file.py</extracomment>
            <translation>{path}：无法读取模型的输出</translation>
        </message>
        <message>
            <source>{path}: the weights of {node} do not fit its layer ({name}: {got}, the layer needs {want})</source>
            <extracomment>engine: studio/importers/keras_file.py</extracomment>
            <translation>{path}：{node} 的权重与它的层不匹配（{name}：{got}，该层需要 {want}）</translation>
        </message>
        <message>
            <source>{cls} not imported: {reason}</source>
            <extracomment>engine: studio/importers/keras_file.py</extracomment>
            <translation>{cls} 未导入：{reason}</translation>
        </message>
        <message>
            <source>{cls} is applied {count} times; Keras shares its weights between the calls, NetStudio gives each call its own copy (the same values now; training would change them apart)</source>
            <extracomment>engine: studio/importers/keras_file.py</extracomment>
            <translation>{cls} 被调用了 {count} 次；Keras 在各次调用之间共享它的权重，NetStudio 则给每次调用一份自己的副本（现在数值相同；训练后会各自变化）</translation>
        </message>
        <message>
            <source>{path}: the model's output {name} is not one of its layers</source>
            <extracomment>engine: studio/importers/keras_file.py</extracomment>
            <translation>{path}：模型的输出 {name} 不是它的层</translation>
        </message>
        <message>
            <source>{path}: layer {name} is given tensors as keyword arguments (such as a mask or an initial state); NetStudio's layers read their inputs only</source>
            <extracomment>engine: studio/importers/keras_file.py</extracomment>
            <translation>{path}：层 {name} 以关键字参数的形式接收张量（例如掩码或初始状态）；NetStudio 的层只读取它们的输入</translation>
        </message>
        <message>
            <source>{path}: layer {name}: {reason}</source>
            <extracomment>engine: studio/importers/keras_file.py</extracomment>
            <translation>{path}：层 {name}：{reason}</translation>
        </message>
        <message>
            <source>{path}: layer {name} reads {other}, which the config does not define before it</source>
            <extracomment>engine: studio/importers/keras_file.py</extracomment>
            <translation>{path}：层 {name} 读取 {other}，但配置中在它之前没有定义这一项</translation>
        </message>
        <message>
            <source>layer {name}</source>
            <extracomment>engine: studio/importers/keras_file_graph.py</extracomment>
            <translation>层 {name}</translation>
        </message>
        <message>
            <source>Bidirectional's backward layer differs from its forward layer; NetStudio's bidirectional layers run the same layer both ways</source>
            <extracomment>engine: studio/importers/keras_file_graph.py</extracomment>
            <translation>Bidirectional 的反向层与正向层不同；NetStudio 的双向层在两个方向上运行同一个层</translation>
        </message>
        <message>
            <source>Reshape → {node} (to {keras} in Keras' channels-last order)</source>
            <extracomment>engine: studio/importers/keras_file_graph.py</extracomment>
            <translation>Reshape → {node}（在 Keras 的通道在后顺序中为 {keras}）</translation>
        </message>
        <message>
            <source>the input shape {shape} has a size left open; NetStudio needs every size fixed (save the model with keras.Input(shape=(…)) written out in numbers)</source>
            <extracomment>engine: studio/importers/keras_file_graph.py</extracomment>
            <translation>输入形状 {shape} 中有未确定的尺寸；NetStudio 需要每个尺寸都是固定的（请用数字写明的 keras.Input(shape=(…)) 保存模型）</translation>
        </message>
        <message>
            <source>output {node}: {ours} channels first (Keras gives {keras}, channels last)</source>
            <extracomment>engine: studio/importers/keras_file_graph.py</extracomment>
            <translation>输出 {node}：{ours}，通道在前（Keras 给出的是 {keras}，通道在后）</translation>
        </message>
        <message>
            <source>on a volume NetStudio's {cls} works along the width, Keras' along the channels</source>
            <extracomment>engine: studio/importers/keras_file_graph.py</extracomment>
            <translation>对于体数据，NetStudio 的 {cls} 沿宽度方向工作，Keras 的则沿通道方向</translation>
        </message>
        <message>
            <source>{cls}'s {arg} only changes training; NetStudio does not bring it in</source>
            <extracomment>engine: studio/importers/keras_file_graph.py</extracomment>
            <translation>{cls} 的 {arg} 只影响训练；NetStudio 不导入它</translation>
        </message>
        <message>
            <source>{cls} is frozen in Keras (trainable=False); in NetStudio it trains</source>
            <extracomment>engine: studio/importers/keras_file_graph.py</extracomment>
            <translation>{cls} 在 Keras 中是冻结的（trainable=False）；在 NetStudio 中它会训练</translation>
        </message>
        <message>
            <source>Flatten with data_format={value!r} is not imported</source>
            <extracomment>engine: studio/importers/keras_file_graph.py</extracomment>
            <translation>不导入 data_format={value!r} 的 Flatten</translation>
        </message>
        <message>
            <source>Flatten: a Permute to channels last ({node}) comes first, so the numbers are in Keras' order</source>
            <extracomment>engine: studio/importers/keras_file_graph.py</extracomment>
            <translation>Flatten：先加一个转为通道在后的 Permute（{node}），使数值按 Keras 的顺序排列</translation>
        </message>
        <message>
            <source>Reshape's target shape {shape} is not numbers</source>
            <extracomment>engine: studio/importers/keras_file_graph.py</extracomment>
            <translation>Reshape 的目标形状 {shape} 不是数字</translation>
        </message>
        <message>
            <source>{cls}'s {arg}={value!r} has no counterpart in NetStudio</source>
            <extracomment>engine: studio/importers/keras_file_graph.py</extracomment>
            <translation>{cls} 的 {arg}={value!r} 在 NetStudio 中没有对应项</translation>
        </message>
        <message>
            <source>{cls} wraps a layer whose config cannot be read</source>
            <extracomment>engine: studio/importers/keras_file_graph.py</extracomment>
            <translation>{cls} 包装的层的配置无法读取</translation>
        </message>
        <message>
            <source>{path} is not a Keras model file (neither a .keras archive nor an HDF5 .h5 file); it may be damaged or cut short</source>
            <extracomment>engine: studio/importers/keras_h5.py</extracomment>
            <translation>{path} 不是 Keras 模型文件（既不是 .keras 压缩包，也不是 HDF5 .h5 文件）；它可能已损坏或不完整</translation>
        </message>
        <message>
            <source>{path} is not a Keras model archive (a .keras file is a zip archive); it may be damaged or cut short</source>
            <extracomment>engine: studio/importers/keras_h5.py</extracomment>
            <translation>{path} 不是 Keras 模型压缩包（.keras 文件是 zip 压缩包）；它可能已损坏或不完整</translation>
        </message>
        <message>
            <source>{path}: the model's config has no class_name and config; not a Keras model</source>
            <extracomment>engine: studio/importers/keras_h5.py</extracomment>
            <translation>{path}：模型的配置中没有 class_name 和 config；不是 Keras 模型</translation>
        </message>
        <message>
            <source>{path}: {name} is not an array of numbers; NetStudio reads only numbers as weights</source>
            <extracomment>engine: studio/importers/keras_h5.py</extracomment>
            <translation>{path}：{name} 不是数值数组；NetStudio 只把数值读作权重</translation>
        </message>
        <message>
            <source>{path} holds no model architecture (no model_config): it is a weights-only file or not a Keras model. Save the whole model (model.save(...)) and import that</source>
            <extracomment>engine: studio/importers/keras_h5.py</extracomment>
            <translation>{path} 中没有模型结构（没有 model_config）：它是只含权重的文件，或者不是 Keras 模型。请保存整个模型（model.save(...)）并导入那个文件</translation>
        </message>
        <message>
            <source>{path}: model_config is too large to be a model's architecture</source>
            <extracomment>engine: studio/importers/keras_h5.py</extracomment>
            <translation>{path}：model_config 太大，不可能是模型结构</translation>
        </message>
        <message>
            <source>{path}: the archive is damaged ({reason})</source>
            <extracomment>engine: studio/importers/keras_h5.py</extracomment>
            <translation>{path}：压缩包已损坏（{reason}）</translation>
        </message>
        <message>
            <source>{path}: {member} is not valid JSON ({reason})</source>
            <extracomment>engine: studio/importers/keras_h5.py</extracomment>
            <translation>{path}：{member} 不是有效的 JSON（{reason}）</translation>
        </message>
        <message>
            <source>{path}: the weights are not a readable HDF5 file ({reason})</source>
            <extracomment>engine: studio/importers/keras_h5.py</extracomment>
            <translation>{path}：权重不是可读取的 HDF5 文件（{reason}）</translation>
        </message>
        <message>
            <source>{path}: the weights {name} cannot be read ({reason})</source>
            <extracomment>engine: studio/importers/keras_h5.py</extracomment>
            <translation>{path}：无法读取权重 {name}（{reason}）</translation>
        </message>
        <message>
            <source>{path} is damaged: reading it made the HDF5 library fail</source>
            <extracomment>engine: studio/importers/keras_h5.py</extracomment>
            <translation>{path} 已损坏：读取它时 HDF5 库出错</translation>
        </message>
        <message>
            <source>{path} is a zip archive but not a Keras model: it has no config.json</source>
            <extracomment>engine: studio/importers/keras_h5.py</extracomment>
            <translation>{path} 是 zip 压缩包，但不是 Keras 模型：其中没有 config.json</translation>
        </message>
        <message>
            <source>{path}: config.json is too large to be a model's architecture</source>
            <extracomment>engine: studio/importers/keras_h5.py</extracomment>
            <translation>{path}：config.json 太大，不可能是模型结构</translation>
        </message>
        <message>
            <source>{path} holds no weights (model.weights.h5 is missing from the archive)</source>
            <extracomment>engine: studio/importers/keras_h5.py</extracomment>
            <translation>{path} 中没有权重（压缩包中缺少 model.weights.h5）</translation>
        </message>
        <message>
            <source>{path}: the weights file is damaged ({reason})</source>
            <extracomment>engine: studio/importers/keras_h5.py</extracomment>
            <translation>{path}：权重文件已损坏（{reason}）</translation>
        </message>
        <message>
            <source>{path}: the HDF5 file is damaged ({reason})</source>
            <extracomment>engine: studio/importers/keras_h5.py</extracomment>
            <translation>{path}：HDF5 文件已损坏（{reason}）</translation>
        </message>
        <message>
            <source>{path}: reading the file took more than {minutes} minutes; it is damaged or not a Keras model</source>
            <extracomment>engine: studio/importers/keras_h5.py</extracomment>
            <translation>{path}：读取文件用了超过 {minutes} 分钟；它已损坏，或者不是 Keras 模型</translation>
        </message>
        <message>
            <source>only changes training or initialisation; NetStudio uses its own</source>
            <extracomment>engine: studio/importers/keras_layers.py</extracomment>
            <translation>只影响训练或初始化；NetStudio 使用自己的设置</translation>
        </message>
        <message>
            <source>padding={value!r} is not one NetStudio has (valid, same)</source>
            <extracomment>engine: studio/importers/keras_layers.py</extracomment>
            <translation>NetStudio 没有 padding={value!r}（只有 valid、same）</translation>
        </message>
        <message>
            <source>the activation {value!r} is not one NetStudio has ({known})</source>
            <extracomment>engine: studio/importers/keras_layers.py</extracomment>
            <translation>NetStudio 没有激活函数 {value!r}（可用的有：{known}）</translation>
        </message>
        <message>
            <source>{cls} takes at most {count} arguments by position here</source>
            <extracomment>engine: studio/importers/keras_layers.py</extracomment>
            <translation>{cls} 在这里最多接受 {count} 个位置参数</translation>
        </message>
        <message>
            <source>Activation has nothing for {args}</source>
            <extracomment>engine: studio/importers/keras_layers.py</extracomment>
            <translation>Activation 没有与 {args} 对应的设置</translation>
        </message>
        <message>
            <source>NetStudio has no {name!r} activation layer</source>
            <extracomment>engine: studio/importers/keras_layers.py</extracomment>
            <translation>NetStudio 没有 {name!r} 激活层</translation>
        </message>
        <message>
            <source>{cls} must wrap a layer written in the same call</source>
            <extracomment>engine: studio/importers/keras_layers.py</extracomment>
            <translation>{cls} 必须包装在同一个调用中写出的层</translation>
        </message>
        <message>
            <source>NetStudio makes only LSTM, GRU and SimpleRNN bidirectional</source>
            <extracomment>engine: studio/importers/keras_layers.py</extracomment>
            <translation>NetStudio 只能把 LSTM、GRU 和 SimpleRNN 设为双向</translation>
        </message>
        <message>
            <source>NetStudio's bidirectional layers join both directions by concatenating (merge_mode='concat') and take no other option</source>
            <extracomment>engine: studio/importers/keras_layers.py</extracomment>
            <translation>NetStudio 的双向层通过拼接合并两个方向（merge_mode='concat'），不支持其他选项</translation>
        </message>
        <message>
            <source>NetStudio's TimeDistributed holds a Dense layer only</source>
            <extracomment>engine: studio/importers/keras_layers.py</extracomment>
            <translation>NetStudio 的 TimeDistributed 只能包装 Dense 层</translation>
        </message>
        <message>
            <source>Reshape needs its target shape written as numbers</source>
            <extracomment>engine: studio/importers/keras_layers.py</extracomment>
            <translation>Reshape 的目标形状必须用数字写出</translation>
        </message>
        <message>
            <source>Reshape to {keras} (channels last, Keras) became {ours} (channels first, NetStudio); the numbers are placed in another order</source>
            <extracomment>engine: studio/importers/keras_layers.py</extracomment>
            <translation>Reshape 为 {keras}（通道在后，Keras）变成了 {ours}（通道在前，NetStudio）；数值的排列顺序不同</translation>
        </message>
        <message>
            <source>NetStudio's PReLU learns one slope per channel or feature; Keras' shared_axes={shared} learns another set (one per channel is shared_axes=[1, 2] on images, [1] on sequences)</source>
            <extracomment>engine: studio/importers/keras_layers.py</extracomment>
            <translation>NetStudio 的 PReLU 每个通道或特征学习一个斜率；Keras 的 shared_axes={shared} 学习的是另一组斜率（每个通道一个相当于：图像上 shared_axes=[1, 2]，序列上 [1]）</translation>
        </message>
        <message>
            <source>NetStudio imports Permute only on sequences, where Keras and NetStudio order the axes alike</source>
            <extracomment>engine: studio/importers/keras_layers.py</extracomment>
            <translation>NetStudio 只导入作用于序列的 Permute，因为在序列上 Keras 和 NetStudio 的轴顺序相同</translation>
        </message>
        <message>
            <source>Conv2DTranspose's output_padding is not imported; leave it out and NetStudio works it out from padding</source>
            <extracomment>engine: studio/importers/keras_layers.py</extracomment>
            <translation>Conv2DTranspose 的 output_padding 不会被导入；请去掉它，NetStudio 会根据 padding 推算出来</translation>
        </message>
        <message>
            <source>NetStudio's ConvTranspose2D has no dilation</source>
            <extracomment>engine: studio/importers/keras_layers.py</extracomment>
            <translation>NetStudio 的 ConvTranspose2D 没有膨胀率（dilation）</translation>
        </message>
        <message>
            <source>no padding gives this kernel and stride Keras' 'same' size</source>
            <extracomment>engine: studio/importers/keras_layers.py</extracomment>
            <translation>没有任何填充能让这个卷积核和步长得到 Keras 'same' 的尺寸</translation>
        </message>
        <message>
            <source>Conv2DTranspose: Keras' 'same' crops the odd extra cell at the end, NetStudio's at the start, so the output is shifted by one cell (the same size)</source>
            <extracomment>engine: studio/importers/keras_layers.py</extracomment>
            <translation>Conv2DTranspose：Keras 的 'same' 在末尾裁掉多出的奇数格，NetStudio 则在开头裁掉，因此输出会错开一格（尺寸相同）</translation>
        </message>
        <message>
            <source>{value} differs per axis; NetStudio takes one number here</source>
            <extracomment>engine: studio/importers/keras_layers.py</extracomment>
            <translation>{value} 在各轴上不同；NetStudio 在这里只接受一个数</translation>
        </message>
        <message>
            <source>{value} takes different amounts from the two sides of an axis; NetStudio takes the same on both</source>
            <extracomment>engine: studio/importers/keras_layers.py</extracomment>
            <translation>{value} 在一个轴的两侧取的量不同；NetStudio 在两侧取相同的量</translation>
        </message>
        <message>
            <source>{cls} got {arg} twice</source>
            <extracomment>engine: studio/importers/keras_layers.py</extracomment>
            <translation>{cls} 的 {arg} 给出了两次</translation>
        </message>
        <message>
            <source>on an image NetStudio's LayerNorm normalises the whole image; Keras' axis={axis} normalises each pixel's channels</source>
            <extracomment>engine: studio/importers/keras_layers.py</extracomment>
            <translation>在图像上，NetStudio 的 LayerNorm 对整张图像做归一化；Keras 的 axis={axis} 则对每个像素的各通道做归一化</translation>
        </message>
        <message>
            <source>NetStudio's LayerNorm normalises the last axis only, not axis={axis}</source>
            <extracomment>engine: studio/importers/keras_layers.py</extracomment>
            <translation>NetStudio 的 LayerNorm 只对最后一个轴做归一化，而不是 axis={axis}</translation>
        </message>
        <message>
            <source>{arg}={value!r} is not a value NetStudio can use</source>
            <extracomment>engine: studio/importers/keras_layers.py</extracomment>
            <translation>{arg}={value!r} 不是 NetStudio 能使用的值</translation>
        </message>
        <message>
            <source>{arg}={value!r} is not something NetStudio's {layer} can do</source>
            <extracomment>engine: studio/importers/keras_layers.py</extracomment>
            <translation>NetStudio 的 {layer} 做不到 {arg}={value!r}</translation>
        </message>
        <message>
            <source>NetStudio's {layer} has nothing for Keras' {arg}</source>
            <extracomment>engine: studio/importers/keras_layers.py</extracomment>
            <translation>NetStudio 的 {layer} 没有与 Keras 的 {arg} 对应的设置</translation>
        </message>
        <message>
            <source>{source}, line {line}: {error}; NetStudio reads the code as Python and could not</source>
            <extracomment>engine: studio/importers/keras_reader.py</extracomment>
            <translation>{source} 第 {line} 行：{error}；NetStudio 把代码当作 Python 读取，但没能读懂</translation>
        </message>
        <message>
            <source>{source}: the code nests expressions too deeply to read</source>
            <extracomment>engine: studio/importers/keras_reader.py</extracomment>
            <translation>{source}：代码中表达式嵌套太深，无法读取</translation>
        </message>
        <message>
            <source>{name}: NetStudio's pretrained blocks normalise their input themselves</source>
            <extracomment>engine: studio/importers/keras_reader.py</extracomment>
            <translation>{name}：NetStudio 的预训练模块会自己对输入做标准化</translation>
        </message>
        <message>
            <source>a model used as a layer of another is not imported; write its layers into the model</source>
            <extracomment>engine: studio/importers/keras_reader.py</extracomment>
            <translation>不导入被用作另一个模型中一层的模型；请把它的各层写进模型中</translation>
        </message>
        <message>
            <source>{what} is not a Keras layer NetStudio can read</source>
            <extracomment>engine: studio/importers/keras_reader.py</extracomment>
            <translation>{what} 不是 NetStudio 能读取的 Keras 层</translation>
        </message>
        <message>
            <source>{cls}: what flows into it is not a result of keras.Input or of a layer NetStudio could read</source>
            <extracomment>engine: studio/importers/keras_reader.py</extracomment>
            <translation>{cls}：它的输入既不是 keras.Input 的结果，也不是 NetStudio 能读取的层的结果</translation>
        </message>
        <message>
            <source>{source}: {error}; NetStudio reads the code as Python and could not</source>
            <extracomment>engine: studio/importers/keras_reader.py</extracomment>
            <translation>{source}：{error}；NetStudio 把代码当作 Python 读取，但没能读懂</translation>
        </message>
        <message>
            <source>loss</source>
            <extracomment>engine: studio/importers/keras_settings.py</extracomment>
            <translation>损失函数</translation>
        </message>
        <message>
            <source>the code names no loss NetStudio has; the Output node uses {loss}, chosen from the last layer's activation ({activation})</source>
            <extracomment>engine: studio/importers/keras_settings.py</extracomment>
            <translation>代码中没有指定 NetStudio 支持的损失函数；Output 节点使用 {loss}，这是根据最后一层的激活函数（{activation}）选择的</translation>
        </message>
        <message>
            <source>{what} → {name} = {value}</source>
            <extracomment>engine: studio/importers/keras_settings.py</extracomment>
            <translation>{what} → {name} = {value}</translation>
        </message>
        <message>
            <source>optimizer {name} → {ours}</source>
            <extracomment>engine: studio/importers/keras_settings.py</extracomment>
            <translation>优化器 {name} → {ours}</translation>
        </message>
        <message>
            <source>the loss {name} is not one NetStudio has (cross-entropy, binary cross-entropy, mean squared error)</source>
            <extracomment>engine: studio/importers/keras_settings.py</extracomment>
            <translation>NetStudio 没有损失函数 {name}（只有交叉熵、二元交叉熵、均方误差）</translation>
        </message>
        <message>
            <source>{what}: {text} depends on how the code is started; {value} (its value when started plainly) is used</source>
            <extracomment>engine: studio/importers/keras_settings.py</extracomment>
            <translation>{what}：{text} 取决于代码的启动方式；使用 {value}（直接启动时的值）</translation>
        </message>
        <message>
            <source>{what}: {text} is only known when the code runs; NetStudio's default is used</source>
            <extracomment>engine: studio/importers/keras_settings.py</extracomment>
            <translation>{what}：{text} 只有在代码运行时才知道；使用 NetStudio 的默认值</translation>
        </message>
        <message>
            <source>the optimizer {name} is not one NetStudio has (Adam, AdamW, SGD, RMSprop); training uses Adam</source>
            <extracomment>engine: studio/importers/keras_settings.py</extracomment>
            <translation>NetStudio 没有优化器 {name}（只有 Adam、AdamW、SGD、RMSprop）；训练时使用 Adam</translation>
        </message>
        <message>
            <source>RMSprop averages squared gradients with 0.99 in NetStudio (PyTorch), 0.9 in Keras</source>
            <extracomment>engine: studio/importers/keras_settings.py</extracomment>
            <translation>RMSprop 对梯度平方做滑动平均的系数在 NetStudio（PyTorch）中是 0.99，在 Keras 中是 0.9</translation>
        </message>
        <message>
            <source>loss {name} → {ours}</source>
            <extracomment>engine: studio/importers/keras_settings.py</extracomment>
            <translation>损失函数 {name} → {ours}</translation>
        </message>
        <message>
            <source>compile({key}=…) is not imported</source>
            <extracomment>engine: studio/importers/keras_settings.py</extracomment>
            <translation>compile({key}=…) 未导入</translation>
        </message>
        <message>
            <source>{what}: {error}</source>
            <extracomment>engine: studio/importers/keras_settings.py</extracomment>
            <translation>{what}：{error}</translation>
        </message>
        <message>
            <source>metric {name}: NetStudio shows accuracy for every classifier</source>
            <extracomment>engine: studio/importers/keras_settings.py</extracomment>
            <translation>指标 {name}：NetStudio 会为每个分类模型显示准确率</translation>
        </message>
        <message>
            <source>the metric {name} is not one NetStudio shows (it shows loss and accuracy)</source>
            <extracomment>engine: studio/importers/keras_settings.py</extracomment>
            <translation>NetStudio 不显示指标 {name}（它显示损失和准确率）</translation>
        </message>
        <message>
            <source>the callback {name} is not imported</source>
            <extracomment>engine: studio/importers/keras_settings.py</extracomment>
            <translation>回调 {name} 未导入</translation>
        </message>
        <message>
            <source>{name}({arg}=…) is not imported; NetStudio uses PyTorch's value</source>
            <extracomment>engine: studio/importers/keras_settings.py</extracomment>
            <translation>{name}({arg}=…) 未导入；NetStudio 使用 PyTorch 的值</translation>
        </message>
        <message>
            <source>EarlyStopping watches the validation loss in NetStudio</source>
            <extracomment>engine: studio/importers/keras_settings.py</extracomment>
            <translation>在 NetStudio 中，EarlyStopping 监视的是验证损失</translation>
        </message>
        <message>
            <source>fit(validation_data=…): NetStudio validates on a part of the training data; set the validation split in the training settings</source>
            <extracomment>engine: studio/importers/keras_settings.py</extracomment>
            <translation>fit(validation_data=…)：NetStudio 用训练数据的一部分做验证；请在训练设置中设置验证集比例</translation>
        </message>
        <message>
            <source>fit({key}=…) is not imported</source>
            <extracomment>engine: studio/importers/keras_settings.py</extracomment>
            <translation>fit({key}=…) 未导入</translation>
        </message>
        <message>
            <source>{cls} has {got} weight arrays in the file; its config needs {want}</source>
            <extracomment>engine: studio/importers/keras_weights.py</extracomment>
            <translation>文件中 {cls} 有 {got} 个权重数组；它的配置需要 {want} 个</translation>
        </message>
        <message>
            <source>{cls}'s kernel {shape} does not fit its input</source>
            <extracomment>engine: studio/importers/keras_weights.py</extracomment>
            <translation>{cls} 的卷积核 {shape} 与它的输入不匹配</translation>
        </message>
        <message>
            <source>GRU's bias has shape {shape}; NetStudio imports reset_after=True (two bias rows)</source>
            <extracomment>engine: studio/importers/keras_weights.py</extracomment>
            <translation>GRU 的偏置形状为 {shape}；NetStudio 只导入 reset_after=True（两行偏置）</translation>
        </message>
        <message>
            <source>{cls} has {count} weight arrays in the file; NetStudio's layer has none</source>
            <extracomment>engine: studio/importers/keras_weights.py</extracomment>
            <translation>文件中 {cls} 有 {count} 个权重数组；NetStudio 的这个层没有权重</translation>
        </message>
        <message>
            <source>{cls}'s weights have unexpected shapes ({reason})</source>
            <extracomment>engine: studio/importers/keras_weights.py</extracomment>
            <translation>{cls} 的权重形状不符合预期（{reason}）</translation>
        </message>
        <message>
            <source>activation {name} of {node}</source>
            <extracomment>engine: studio/importers/onnx_elementwise.py</extracomment>
            <translation>{node} 的激活函数 {name}</translation>
        </message>
        <message>
            <source>a Flatten that keeps {n} leading axes has no layer</source>
            <extracomment>engine: studio/importers/onnx_elementwise.py</extracomment>
            <translation>保留前 {n} 个轴的 Flatten 没有对应的层</translation>
        </message>
        <message>
            <source>a Squeeze is imported only after a global pooling</source>
            <extracomment>engine: studio/importers/onnx_elementwise.py</extracomment>
            <translation>Squeeze 只有在全局池化之后才会被导入</translation>
        </message>
        <message>
            <source>a Reshape to {shape} does not keep the batch axis first</source>
            <extracomment>engine: studio/importers/onnx_elementwise.py</extracomment>
            <translation>Reshape 为 {shape} 时没有把批量维度保持在第一维</translation>
        </message>
        <message>
            <source>{layer} joins 2 to 8 inputs, not {n}</source>
            <extracomment>engine: studio/importers/onnx_elementwise.py</extracomment>
            <translation>{layer} 合并 2 到 8 个输入，而不是 {n} 个</translation>
        </message>
        <message>
            <source>its inputs have different shapes {shapes}; NetStudio's {layer} does not broadcast</source>
            <extracomment>engine: studio/importers/onnx_elementwise.py</extracomment>
            <translation>它的输入形状各不相同（{shapes}）；NetStudio 的 {layer} 不做广播</translation>
        </message>
        <message>
            <source>a LayerNormalization from axis {axis} has no layer</source>
            <extracomment>engine: studio/importers/onnx_elementwise.py</extracomment>
            <translation>从轴 {axis} 开始的 LayerNormalization 没有对应的层</translation>
        </message>
        <message>
            <source>its mean and deviation outputs are read; no layer gives them</source>
            <extracomment>engine: studio/importers/onnx_elementwise.py</extracomment>
            <translation>它输出的均值和标准差被读取了；没有哪一层会给出它们</translation>
        </message>
        <message>
            <source>a BatchNormalization in training mode has no layer</source>
            <extracomment>engine: studio/importers/onnx_elementwise.py</extracomment>
            <translation>训练模式下的 BatchNormalization 没有对应的层</translation>
        </message>
        <message>
            <source>the tanh approximation of GELU has no layer</source>
            <extracomment>engine: studio/importers/onnx_elementwise.py</extracomment>
            <translation>GELU 的 tanh 近似没有对应的层</translation>
        </message>
        <message>
            <source>a SELU with its own alpha or gamma has no layer</source>
            <extracomment>engine: studio/importers/onnx_elementwise.py</extracomment>
            <translation>自定义了 alpha 或 gamma 的 SELU 没有对应的层</translation>
        </message>
        <message>
            <source>it mixes the directions of a bidirectional layer</source>
            <extracomment>engine: studio/importers/onnx_elementwise.py</extracomment>
            <translation>它混合了双向层的两个方向</translation>
        </message>
        <message>
            <source>it joins along axis {axis}; Concatenate joins channels or features</source>
            <extracomment>engine: studio/importers/onnx_elementwise.py</extracomment>
            <translation>它沿轴 {axis} 拼接；Concatenate 只沿通道或特征拼接</translation>
        </message>
        <message>
            <source>a Softmax over axis {axis} is not over the features</source>
            <extracomment>engine: studio/importers/onnx_elementwise.py</extracomment>
            <translation>沿轴 {axis} 的 Softmax 不是在特征上做的</translation>
        </message>
        <message>
            <source>input {name}</source>
            <extracomment>engine: studio/importers/onnx_import.py</extracomment>
            <translation>输入 {name}</translation>
        </message>
        <message>
            <source>Imported from {file}</source>
            <extracomment>engine: studio/importers/onnx_import.py</extracomment>
            <translation>从 {file} 导入</translation>
        </message>
        <message>
            <source>Input {node} {shape}</source>
            <extracomment>engine: studio/importers/onnx_import.py</extracomment>
            <translation>Input {node} {shape}</translation>
        </message>
        <message>
            <source>output {name}</source>
            <extracomment>engine: studio/importers/onnx_import.py</extracomment>
            <translation>输出 {name}</translation>
        </message>
        <message>
            <source>Output {node}: loss {loss}, target {target} (chosen by NetStudio: an ONNX file holds no training settings)</source>
            <extracomment>engine: studio/importers/onnx_import.py</extracomment>
            <translation>Output {node}：损失函数 {loss}，目标 {target}（由 NetStudio 选择：ONNX 文件中不包含训练设置）</translation>
        </message>
        <message>
            <source>{layer} {node}</source>
            <extracomment>engine: studio/importers/onnx_import.py</extracomment>
            <translation>{layer} {node}</translation>
        </message>
        <message>
            <source>it takes the constant {name} where a layer takes data</source>
            <extracomment>engine: studio/importers/onnx_import.py</extracomment>
            <translation>它在层本应接收数据的位置接收了常量 {name}</translation>
        </message>
        <message>
            <source>it reads {name}, which is worked out from the input's shape, not data</source>
            <extracomment>engine: studio/importers/onnx_import.py</extracomment>
            <translation>它读取的 {name} 是根据输入的形状算出的，而不是数据</translation>
        </message>
        <message>
            <source>{name} is computed, where NetStudio needs fixed weights</source>
            <extracomment>engine: studio/importers/onnx_import.py</extracomment>
            <translation>{name} 是计算出来的，而 NetStudio 在这里需要固定的权重</translation>
        </message>
        <message>
            <source>the shape of {name} is not known</source>
            <extracomment>engine: studio/importers/onnx_import.py</extracomment>
            <translation>{name} 的形状未知</translation>
        </message>
        <message>
            <source>the size of {name} is not fixed</source>
            <extracomment>engine: studio/importers/onnx_import.py</extracomment>
            <translation>{name} 的大小不固定</translation>
        </message>
        <message>
            <source>it reads a global pooling's kept axes</source>
            <extracomment>engine: studio/importers/onnx_import.py</extracomment>
            <translation>它读取了全局池化保留下来的轴</translation>
        </message>
        <message>
            <source>it reads a sequence with time before the batch, which no layer does</source>
            <extracomment>engine: studio/importers/onnx_import.py</extracomment>
            <translation>它读取的序列时间维在批量维度之前，没有哪一层这样做</translation>
        </message>
        <message>
            <source>There is no node {name} to cut at; the model's nodes are: {names}</source>
            <extracomment>engine: studio/importers/onnx_import.py</extracomment>
            <translation>没有可以截断的节点 {name}；模型的节点有：{names}</translation>
        </message>
        <message>
            <source>NetStudio's inputs are float32 or int64 with a batch axis first and fixed sizes after it; this one is {shape}</source>
            <extracomment>engine: studio/importers/onnx_import.py</extracomment>
            <translation>NetStudio 的输入必须是 float32 或 int64，第一维是批量维度，其后各维大小固定；这个输入是 {shape}</translation>
        </message>
        <message>
            <source>a Dropout in training mode changes its output at random</source>
            <extracomment>engine: studio/importers/onnx_import.py</extracomment>
            <translation>训练模式下的 Dropout 会随机改变它的输出</translation>
        </message>
        <message>
            <source>it moves the batch axis</source>
            <extracomment>engine: studio/importers/onnx_import.py</extracomment>
            <translation>它移动了批量维度</translation>
        </message>
        <message>
            <source>the operator {op} has no NetStudio layer</source>
            <extracomment>engine: studio/importers/onnx_import.py</extracomment>
            <translation>算子 {op} 没有对应的 NetStudio 层</translation>
        </message>
        <message>
            <source>its padding {pads} is uneven and not Keras' 'same'</source>
            <extracomment>engine: studio/importers/onnx_layers.py</extracomment>
            <translation>它的填充 {pads} 不对称，也不是 Keras 的 'same'</translation>
        </message>
        <message>
            <source>a Gemm with transA or alpha ≠ 1 is not a Dense layer</source>
            <extracomment>engine: studio/importers/onnx_layers.py</extracomment>
            <translation>带 transA 或 alpha ≠ 1 的 Gemm 不是 Dense 层</translation>
        </message>
        <message>
            <source>a MatMul with a {rank}-axis weight is not a Dense layer</source>
            <extracomment>engine: studio/importers/onnx_layers.py</extracomment>
            <translation>权重有 {rank} 个轴的 MatMul 不是 Dense 层</translation>
        </message>
        <message>
            <source>bias of {node}</source>
            <extracomment>engine: studio/importers/onnx_layers.py</extracomment>
            <translation>{node} 的偏置</translation>
        </message>
        <message>
            <source>its bias does not have one value per output</source>
            <extracomment>engine: studio/importers/onnx_layers.py</extracomment>
            <translation>它的偏置不是每个输出一个值</translation>
        </message>
        <message>
            <source>only 1D, 2D and 3D convolutions have a layer</source>
            <extracomment>engine: studio/importers/onnx_layers.py</extracomment>
            <translation>只有一维、二维和三维卷积有对应的层</translation>
        </message>
        <message>
            <source>a grouped convolution (group {n}) has no layer</source>
            <extracomment>engine: studio/importers/onnx_layers.py</extracomment>
            <translation>分组卷积（group {n}）没有对应的层</translation>
        </message>
        <message>
            <source>padding {mode} (extra cells first) has no layer</source>
            <extracomment>engine: studio/importers/onnx_layers.py</extracomment>
            <translation>填充方式 {mode}（多出的格子在前）没有对应的层</translation>
        </message>
        <message>
            <source>its padding {pads} is not Keras' 'valid' or 'same'</source>
            <extracomment>engine: studio/importers/onnx_layers.py</extracomment>
            <translation>它的填充 {pads} 既不是 Keras 的 'valid'，也不是 'same'</translation>
        </message>
        <message>
            <source>only plain 2D transposed convolutions have a layer</source>
            <extracomment>engine: studio/importers/onnx_layers.py</extracomment>
            <translation>只有普通的二维转置卷积有对应的层</translation>
        </message>
        <message>
            <source>automatic padding of a transposed convolution has no layer</source>
            <extracomment>engine: studio/importers/onnx_layers.py</extracomment>
            <translation>转置卷积的自动填充没有对应的层</translation>
        </message>
        <message>
            <source>a dilated transposed convolution has no layer</source>
            <extracomment>engine: studio/importers/onnx_layers.py</extracomment>
            <translation>带膨胀的转置卷积没有对应的层</translation>
        </message>
        <message>
            <source>only a constant padding of every axis has a layer</source>
            <extracomment>engine: studio/importers/onnx_layers.py</extracomment>
            <translation>只有对每个轴做常数填充时才有对应的层</translation>
        </message>
        <message>
            <source>a padding {pads} has no layer</source>
            <extracomment>engine: studio/importers/onnx_layers.py</extracomment>
            <translation>填充 {pads} 没有对应的层</translation>
        </message>
        <message>
            <source>a padding with {value} has no layer</source>
            <extracomment>engine: studio/importers/onnx_layers.py</extracomment>
            <translation>用 {value} 填充没有对应的层</translation>
        </message>
        <message>
            <source>a padding {pads} of these axes has no layer</source>
            <extracomment>engine: studio/importers/onnx_layers.py</extracomment>
            <translation>对这些轴的填充 {pads} 没有对应的层</translation>
        </message>
        <message>
            <source>padding of the layer that follows</source>
            <extracomment>engine: studio/importers/onnx_layers.py</extracomment>
            <translation>后一层的填充</translation>
        </message>
        <message>
            <source>a MaxPool that also returns indices has no layer</source>
            <extracomment>engine: studio/importers/onnx_layers.py</extracomment>
            <translation>同时返回索引的 MaxPool 没有对应的层</translation>
        </message>
        <message>
            <source>a {dims}D {kind} pooling has no layer</source>
            <extracomment>engine: studio/importers/onnx_layers.py</extracomment>
            <translation>{kind}Pooling{dims}D 没有对应的层</translation>
        </message>
        <message>
            <source>a dilated pooling has no layer</source>
            <extracomment>engine: studio/importers/onnx_layers.py</extracomment>
            <translation>带膨胀的池化没有对应的层</translation>
        </message>
        <message>
            <source>a reduction over axes {axes} is not a global pooling</source>
            <extracomment>engine: studio/importers/onnx_layers.py</extracomment>
            <translation>在轴 {axes} 上的归约不是全局池化</translation>
        </message>
        <message>
            <source>an uneven padding {pads} has no layer</source>
            <extracomment>engine: studio/importers/onnx_layers.py</extracomment>
            <translation>不对称的填充 {pads} 没有对应的层</translation>
        </message>
        <message>
            <source>an average pooling that counts its padding zeros has no layer ('same' averages over the cells inside)</source>
            <extracomment>engine: studio/importers/onnx_layers.py</extracomment>
            <translation>把填充的零也计入平均的平均池化没有对应的层（'same' 只对内部的格子求平均）</translation>
        </message>
        <message>
            <source>a global pooling of a {rank}-axis tensor has no layer</source>
            <extracomment>engine: studio/importers/onnx_layers.py</extracomment>
            <translation>对 {rank} 轴张量的全局池化没有对应的层</translation>
        </message>
        <message>
            <source>{path} is not an ONNX model, or the file is damaged or cut short</source>
            <extracomment>engine: studio/importers/onnx_read.py</extracomment>
            <translation>{path} 不是 ONNX 模型，或者文件已损坏或不完整</translation>
        </message>
        <message>
            <source>{path} keeps its weights in separate files ({name} …); NetStudio imports ONNX models saved as one file</source>
            <extracomment>engine: studio/importers/onnx_read.py</extracomment>
            <translation>{path} 把权重保存在单独的文件中（{name} …）；NetStudio 只导入保存为单个文件的 ONNX 模型</translation>
        </message>
        <message>
            <source>{path} is larger than any ONNX model can be</source>
            <extracomment>engine: studio/importers/onnx_read.py</extracomment>
            <translation>{path} 比任何 ONNX 模型可能的大小都大</translation>
        </message>
        <message>
            <source>There is no file {path}</source>
            <extracomment>engine: studio/importers/onnx_read.py</extracomment>
            <translation>文件 {path} 不存在</translation>
        </message>
        <message>
            <source>{path} cannot be read ({reason})</source>
            <extracomment>engine: studio/importers/onnx_read.py</extracomment>
            <translation>无法读取 {path}（{reason}）</translation>
        </message>
        <message>
            <source>{path} is not a valid ONNX model ({reason})</source>
            <extracomment>engine: studio/importers/onnx_read.py</extracomment>
            <translation>{path} 不是有效的 ONNX 模型（{reason}）</translation>
        </message>
        <message>
            <source>{path}: the shapes in the model do not fit together ({reason})</source>
            <extracomment>engine: studio/importers/onnx_read.py</extracomment>
            <translation>{path}：模型中的形状不匹配（{reason}）</translation>
        </message>
        <message>
            <source>a GRU that resets before its linear step (Keras' reset_after=False) has no layer</source>
            <extracomment>engine: studio/importers/onnx_recurrent.py</extracomment>
            <translation>在线性变换之前重置的 GRU（Keras 的 reset_after=False）没有对应的层</translation>
        </message>
        <message>
            <source>its input is not in the time-major order it reads</source>
            <extracomment>engine: studio/importers/onnx_recurrent.py</extracomment>
            <translation>它的输入不是它所读取的时间优先（time-major）顺序</translation>
        </message>
        <message>
            <source>its clip, coupled gates or own activations have no layer</source>
            <extracomment>engine: studio/importers/onnx_recurrent.py</extracomment>
            <translation>它的裁剪（clip）、耦合门或自定义激活函数没有对应的层</translation>
        </message>
        <message>
            <source>a recurrent layer that reads backwards only has no layer</source>
            <extracomment>engine: studio/importers/onnx_recurrent.py</extracomment>
            <translation>只反向读取的循环层没有对应的层</translation>
        </message>
        <message>
            <source>sequence lengths or peepholes have no layer</source>
            <extracomment>engine: studio/importers/onnx_recurrent.py</extracomment>
            <translation>序列长度或窥视孔（peephole）连接没有对应的层</translation>
        </message>
        <message>
            <source>an initial state other than zeros has no layer</source>
            <extracomment>engine: studio/importers/onnx_recurrent.py</extracomment>
            <translation>非零的初始状态没有对应的层</translation>
        </message>
        <message>
            <source>its final state is read; NetStudio's layers give their outputs only</source>
            <extracomment>engine: studio/importers/onnx_recurrent.py</extracomment>
            <translation>它的最终状态被读取了；NetStudio 的层只给出输出</translation>
        </message>
        <message>
            <source>only the last time step of an LSTM or GRU read alone has a layer (return_sequences off)</source>
            <extracomment>engine: studio/importers/onnx_recurrent.py</extracomment>
            <translation>只有单独读取 LSTM 或 GRU 的最后一个时间步时才有对应的层（return_sequences 关闭）</translation>
        </message>
        <message>
            <source>node {name} ({op})</source>
            <extracomment>engine: studio/importers/onnx_values.py</extracomment>
            <translation>节点 {name}（{op}）</translation>
        </message>
        <message>
            <source>its {what} {values} differ between axes; NetStudio's layers take one value</source>
            <extracomment>engine: studio/importers/onnx_values.py</extracomment>
            <translation>它的 {what} {values} 在各轴上不同；NetStudio 的层只接受一个值</translation>
        </message>
        <message>
            <source>Imported ({count}):</source>
            <extracomment>engine: studio/importers/report.py</extracomment>
            <translation>已导入（{count}）：</translation>
        </message>
        <message>
            <source>Not imported ({count}):</source>
            <extracomment>engine: studio/importers/report.py</extracomment>
            <translation>未导入（{count}）：</translation>
        </message>
        <message>
            <source>Changed on the way ({count}):</source>
            <extracomment>engine: studio/importers/report.py</extracomment>
            <translation>导入时有改动（{count}）：</translation>
        </message>
        <message>
            <source>Cut off, as asked ({count}):</source>
            <extracomment>engine: studio/importers/report.py</extracomment>
            <translation>按要求截去（{count}）：</translation>
        </message>
        <message>
            <source>{path} is not a torch.export program (.pt2), or the file is damaged or cut short</source>
            <extracomment>engine: studio/importers/torch_archive.py</extracomment>
            <translation>{path} 不是 torch.export 程序（.pt2），或者文件已损坏或不完整</translation>
        </message>
        <message>
            <source>{path} was saved with torch.save: it is a pickle, which can run any code when opened, so NetStudio does not open it. Export the model with torch.export (torch.export.save) and import that .pt2 file.</source>
            <extracomment>engine: studio/importers/torch_archive.py</extracomment>
            <translation>{path} 是用 torch.save 保存的：它是一个 pickle，打开时可以运行任何代码，所以 NetStudio 不会打开它。请用 torch.export（torch.export.save）导出模型，再导入那个 .pt2 文件。</translation>
        </message>
        <message>
            <source>{path} is larger than any model NetStudio can hold</source>
            <extracomment>engine: studio/importers/torch_archive.py</extracomment>
            <translation>{path} 比 NetStudio 能容纳的任何模型都大</translation>
        </message>
        <message>
            <source>{path} holds {entry}, which is not part of a torch.export program's graph and weights (a compiled library or a pickled object); NetStudio imports plain torch.export.save files</source>
            <extracomment>engine: studio/importers/torch_archive.py</extracomment>
            <translation>{path} 中含有 {entry}，它不属于 torch.export 程序的计算图和权重（是编译好的库或 pickle 对象）；NetStudio 只导入普通的 torch.export.save 文件</translation>
        </message>
        <message>
            <source>{path} stores {name} as a pickled object, which can run any code when opened; NetStudio reads plain tensors only</source>
            <extracomment>engine: studio/importers/torch_archive.py</extracomment>
            <translation>{path} 把 {name} 存为 pickle 对象，打开时可以运行任何代码；NetStudio 只读取普通张量</translation>
        </message>
        <message>
            <source>{path}: {name} is not a tensor; NetStudio reads plain tensors only</source>
            <extracomment>engine: studio/importers/torch_archive.py</extracomment>
            <translation>{path}：{name} 不是张量；NetStudio 只读取普通张量</translation>
        </message>
        <message>
            <source>{path} holds a size expression that is not one torch.export writes: {text}</source>
            <extracomment>engine: studio/importers/torch_archive.py</extracomment>
            <translation>{path} 中有一个不是由 torch.export 写出的尺寸表达式：{text}</translation>
        </message>
        <message>
            <source>{path} calls {target}, which is not a PyTorch operator; NetStudio imports programs made of PyTorch's own operators</source>
            <extracomment>engine: studio/importers/torch_archive.py</extracomment>
            <translation>{path} 调用了 {target}，它不是 PyTorch 算子；NetStudio 只导入由 PyTorch 自己的算子组成的程序</translation>
        </message>
        <message>
            <source>{path} cannot be read as a torch.export program by this version of PyTorch ({reason})</source>
            <extracomment>engine: studio/importers/torch_archive.py</extracomment>
            <translation>这个版本的 PyTorch 无法把 {path} 读作 torch.export 程序（{reason}）</translation>
        </message>
        <message>
            <source>{name} exists only as the activation of a Dense or convolution layer, and none comes just before it</source>
            <extracomment>engine: studio/importers/torch_elementwise.py</extracomment>
            <translation>{name} 只能作为 Dense 或卷积层的激活函数存在，而它前面没有紧挨着这样的层</translation>
        </message>
        <message>
            <source>a channel dropout of a {rank}-axis tensor has no layer</source>
            <extracomment>engine: studio/importers/torch_elementwise.py</extracomment>
            <translation>{rank} 轴张量的通道 dropout 没有对应的层</translation>
        </message>
        <message>
            <source>a Dropout rate of {rate} has no layer</source>
            <extracomment>engine: studio/importers/torch_elementwise.py</extracomment>
            <translation>比率为 {rate} 的 Dropout 没有对应的层</translation>
        </message>
        <message>
            <source>a flatten of axes {start} to {end} has no layer</source>
            <extracomment>engine: studio/importers/torch_elementwise.py</extracomment>
            <translation>展平第 {start} 到第 {end} 轴的操作没有对应的层</translation>
        </message>
        <message>
            <source>a reshape to {shape} does not keep the batch axis first</source>
            <extracomment>engine: studio/importers/torch_elementwise.py</extracomment>
            <translation>reshape 为 {shape} 时没有保持批量轴在最前面</translation>
        </message>
        <message>
            <source>a reshape to sizes that are not fixed has no layer</source>
            <extracomment>engine: studio/importers/torch_elementwise.py</extracomment>
            <translation>reshape 为不固定的尺寸没有对应的层</translation>
        </message>
        <message>
            <source>a squeeze is imported only after a global pooling</source>
            <extracomment>engine: studio/importers/torch_elementwise.py</extracomment>
            <translation>squeeze 只有在全局池化之后才会导入</translation>
        </message>
        <message>
            <source>an {op} with alpha {alpha} has no layer</source>
            <extracomment>engine: studio/importers/torch_elementwise.py</extracomment>
            <translation>alpha 为 {alpha} 的 {op} 没有对应的层</translation>
        </message>
        <message>
            <source>a bilinear upsampling with align_corners has no layer</source>
            <extracomment>engine: studio/importers/torch_elementwise.py</extracomment>
            <translation>带 align_corners 的双线性上采样没有对应的层</translation>
        </message>
        <message>
            <source>an upsampling from {a} to {b} is not by one whole factor</source>
            <extracomment>engine: studio/importers/torch_elementwise.py</extracomment>
            <translation>从 {a} 到 {b} 的上采样不是按一个整数倍数进行的</translation>
        </message>
        <message>
            <source>an ELU with its own scale has no layer</source>
            <extracomment>engine: studio/importers/torch_elementwise.py</extracomment>
            <translation>自定义了 scale 的 ELU 没有对应的层</translation>
        </message>
        <message>
            <source>node {name} ({op} in {module})</source>
            <extracomment>engine: studio/importers/torch_export.py</extracomment>
            <translation>节点 {name}（{module} 中的 {op}）</translation>
        </message>
        <message>
            <source>Output {node}: loss {loss}, target {target} (chosen by NetStudio: a PyTorch model holds no training settings)</source>
            <extracomment>engine: studio/importers/torch_export.py</extracomment>
            <translation>Output {node}：损失函数 {loss}，目标 {target}（由 NetStudio 选择：PyTorch 模型不包含训练设置）</translation>
        </message>
        <message>
            <source>a slice of part of a tensor has no layer</source>
            <extracomment>engine: studio/importers/torch_export.py</extracomment>
            <translation>取张量一部分的切片没有对应的层</translation>
        </message>
        <message>
            <source>it takes computed values where NetStudio needs fixed weights</source>
            <extracomment>engine: studio/importers/torch_export.py</extracomment>
            <translation>它在 NetStudio 需要固定权重的地方接收计算出的值</translation>
        </message>
        <message>
            <source>it takes the number {value} where a layer takes data</source>
            <extracomment>engine: studio/importers/torch_export.py</extracomment>
            <translation>它在层接收数据的地方接收数字 {value}</translation>
        </message>
        <message>
            <source>a {kind} node has no NetStudio layer</source>
            <extracomment>engine: studio/importers/torch_export.py</extracomment>
            <translation>{kind} 节点没有对应的 NetStudio 层</translation>
        </message>
        <message>
            <source>the model returns something other than a tensor the layers compute</source>
            <extracomment>engine: studio/importers/torch_export.py</extracomment>
            <translation>模型返回的不是由层计算出的张量</translation>
        </message>
        <message>
            <source>it takes part {index} of {name}, which no layer gives</source>
            <extracomment>engine: studio/importers/torch_export.py</extracomment>
            <translation>它取 {name} 的第 {index} 部分，而没有层给出这一部分</translation>
        </message>
        <message>
            <source>a linear map with a {rank}-axis weight has no layer</source>
            <extracomment>engine: studio/importers/torch_layers.py</extracomment>
            <translation>权重为 {rank} 轴的线性映射没有对应的层</translation>
        </message>
        <message>
            <source>an addmm with its own beta or alpha is not a Dense layer</source>
            <extracomment>engine: studio/importers/torch_layers.py</extracomment>
            <translation>自定义了 beta 或 alpha 的 addmm 不是 Dense 层</translation>
        </message>
        <message>
            <source>a {mode} padding has no layer</source>
            <extracomment>engine: studio/importers/torch_layers.py</extracomment>
            <translation>{mode} 填充没有对应的层</translation>
        </message>
        <message>
            <source>a padding {pads} that crops has no layer</source>
            <extracomment>engine: studio/importers/torch_layers.py</extracomment>
            <translation>会裁剪的填充 {pads} 没有对应的层</translation>
        </message>
        <message>
            <source>an average pooling with its own divisor has no layer</source>
            <extracomment>engine: studio/importers/torch_layers.py</extracomment>
            <translation>自定义了除数的平均池化没有对应的层</translation>
        </message>
        <message>
            <source>an adaptive pooling to {size} has no layer</source>
            <extracomment>engine: studio/importers/torch_layers.py</extracomment>
            <translation>输出为 {size} 的自适应池化没有对应的层</translation>
        </message>
        <message>
            <source>only a plain table of vectors is an Embedding</source>
            <extracomment>engine: studio/importers/torch_layers.py</extracomment>
            <translation>只有普通的向量表才是 Embedding</translation>
        </message>
        <message>
            <source>a BatchNorm in training mode has no layer</source>
            <extracomment>engine: studio/importers/torch_layers.py</extracomment>
            <translation>训练模式下的 BatchNorm 没有对应的层</translation>
        </message>
        <message>
            <source>its saved mean and deviation are read; no layer gives them</source>
            <extracomment>engine: studio/importers/torch_layers.py</extracomment>
            <translation>它读取了保存的均值和标准差；没有层提供这些值</translation>
        </message>
        <message>
            <source>a BatchNorm without running statistics normalizes each batch by itself; no layer does that when predicting</source>
            <extracomment>engine: studio/importers/torch_layers.py</extracomment>
            <translation>没有滑动统计量的 BatchNorm 会用每个批次自身的统计量做归一化；预测时没有层这样做</translation>
        </message>
        <message>
            <source>it has no learned scale and offset; {node} starts with a scale of 1 and an offset of 0 (the same predictions), which training will change</source>
            <extracomment>engine: studio/importers/torch_layers.py</extracomment>
            <translation>它没有学习得到的缩放和偏移；{node} 以缩放 1、偏移 0 开始（预测结果相同），训练会改变它们</translation>
        </message>
        <message>
            <source>a LayerNorm over {shape} has no layer</source>
            <extracomment>engine: studio/importers/torch_layers.py</extracomment>
            <translation>在 {shape} 上的 LayerNorm 没有对应的层</translation>
        </message>
        <message>
            <source>it reads time before the batch (batch_first=False); NetStudio's recurrent layers read batch × time × features</source>
            <extracomment>engine: studio/importers/torch_layers.py</extracomment>
            <translation>它按时间在批量之前的顺序读取（batch_first=False）；NetStudio 的循环层读取的是 批量 × 时间 × 特征</translation>
        </message>
        <message>
            <source>a stack of {n} recurrent layers in one operator has no layer; stack single-layer ones</source>
            <extracomment>engine: studio/importers/torch_layers.py</extracomment>
            <translation>一个算子中堆叠 {n} 个循环层没有对应的层；请堆叠单层的循环层</translation>
        </message>
        <message>
            <source>its weights are not one layer's</source>
            <extracomment>engine: studio/importers/torch_layers.py</extracomment>
            <translation>它的权重不属于同一个层</translation>
        </message>
        <message>
            <source>it has no biases; {node} starts with biases of 0 (the same predictions), which training will change</source>
            <extracomment>engine: studio/importers/torch_layers.py</extracomment>
            <translation>它没有偏置；{node} 以 0 偏置开始（预测结果相同），训练会改变它们</translation>
        </message>
        <message>
            <source>only the last time step of an LSTM, GRU or SimpleRNN read alone has a layer (return_sequences off)</source>
            <extracomment>engine: studio/importers/torch_layers.py</extracomment>
            <translation>只有单独读取 LSTM、GRU 或 SimpleRNN 的最后一个时间步时才有对应的层（关闭 return_sequences）</translation>
        </message>
        <message>
            <source>class {name}</source>
            <extracomment>engine: studio/importers/torch_module.py</extracomment>
            <translation>类 {name}</translation>
        </message>
        <message>
            <source>run in a separate process and traced with an input of {shape} ({dtype})</source>
            <extracomment>engine: studio/importers/torch_module.py</extracomment>
            <translation>在单独的进程中运行，并用 {shape}（{dtype}）的输入进行追踪</translation>
        </message>
        <message>
            <source>{path}: the model class {name} could not be traced: {error}</source>
            <extracomment>engine: studio/importers/torch_module.py</extracomment>
            <translation>{path}：无法追踪模型类 {name}：{error}</translation>
        </message>
        <message>
            <source>the file defines {classes}; this one was imported (choose another with --class NAME)</source>
            <extracomment>engine: studio/importers/torch_module.py</extracomment>
            <translation>文件中定义了 {classes}；导入的是这一个（可用 --class NAME 选择另一个）</translation>
        </message>
        <message>
            <source>{path} was still running after {seconds:g} s and was stopped; a file that defines a model runs in seconds</source>
            <extracomment>engine: studio/importers/torch_module.py</extracomment>
            <translation>{path} 运行 {seconds:g} 秒后仍未结束，已被停止；定义模型的文件几秒钟内就能运行完</translation>
        </message>
        <message>
            <source>Cannot start Python to run {path}: {reason}</source>
            <extracomment>engine: studio/importers/torch_module.py</extracomment>
            <translation>无法启动 Python 来运行 {path}：{reason}</translation>
        </message>
        <message>
            <source>{path}: running it ended without a model (exit status {code}) {detail}</source>
            <extracomment>engine: studio/importers/torch_module.py</extracomment>
            <translation>{path}：运行结束，但没有得到模型（退出状态 {code}）{detail}</translation>
        </message>
        <message>
            <source>{path} defines the PyTorch model class {classes}. Importing it means running the file's Python code, which NetStudio never does unless you allow it: it would run the file in a separate process to trace the model. If you trust the file, import it with --run-code (netstudio import {path} --run-code -o PROJECT).</source>
            <extracomment>engine: studio/importers/torch_source.py</extracomment>
            <translation>{path} 定义了 PyTorch 模型类 {classes}。导入它就要运行这个文件的 Python 代码，除非你允许，NetStudio 绝不会这样做：它会在单独的进程中运行这个文件来追踪模型。如果你信任这个文件，请用 --run-code 导入（netstudio import {path} --run-code -o PROJECT）。</translation>
        </message>
        <message>
            <source>{text!r} is not an input shape; give whole sizes without the batch, such as 1,28,28</source>
            <extracomment>engine: studio/importers/torch_source.py</extracomment>
            <translation>{text!r} 不是输入形状；请给出不含批量维度的整数尺寸，例如 1,28,28</translation>
        </message>
        <message>
            <source>{option} applies to PyTorch models; {path} is read as Keras code</source>
            <extracomment>engine: studio/importers/torch_source.py</extracomment>
            <translation>{option} 只适用于 PyTorch 模型；{path} 被当作 Keras 代码读取</translation>
        </message>
        <message>
            <source>query</source>
            <extracomment>engine: studio/layers/attention.py</extracomment>
            <translation>查询</translation>
        </message>
        <message>
            <source>value</source>
            <extracomment>engine: studio/layers/attention.py</extracomment>
            <translation>值</translation>
        </message>
        <message>
            <source>key</source>
            <extracomment>engine: studio/layers/attention.py</extracomment>
            <translation>键</translation>
        </message>
        <message>
            <source>add an Embedding (for token ids) or a Reshape to time steps×features before it</source>
            <extracomment>engine: studio/layers/attention.py</extracomment>
            <translation>请在它之前添加 Embedding（用于词元 id）或 Reshape 为 时间步×特征</translation>
        </message>
        <message>
            <source>put it after a Dense (or Embedding) that gives each time step its features</source>
            <extracomment>engine: studio/layers/attention.py</extracomment>
            <translation>请把它放在为每个时间步提供特征的 Dense（或 Embedding）之后</translation>
        </message>
        <message>
            <source>TransformerEncoder splits the {features} features among {heads} heads, but {features} is not divisible by {heads}; choose heads from {divisors} or change the feature size before it</source>
            <extracomment>engine: studio/layers/attention.py</extracomment>
            <translation>TransformerEncoder 要把 {features} 个特征分给 {heads} 个注意力头，但 {features} 不能被 {heads} 整除；请从 {divisors} 中选择头数，或修改它之前的特征数</translation>
        </message>
        <message>
            <source>its {name} input ({port}) must be a sequence too: add an Embedding, a Reshape to time steps×features or a RepeatVector before it</source>
            <extracomment>engine: studio/layers/attention.py</extracomment>
            <translation>它的{name}输入（输入 {port}）也必须是序列：请在它之前添加 Embedding、Reshape 为 时间步×特征，或 RepeatVector</translation>
        </message>
        <message>
            <source>MultiHeadAttention needs a key with as many time steps as the value, but the key has {key} and the value {value}; connect a key of {value} steps</source>
            <extracomment>engine: studio/layers/attention.py</extracomment>
            <translation>MultiHeadAttention 需要键与值的时间步数相同，但键有 {key} 步，值有 {value} 步；请连接一个 {value} 步的键</translation>
        </message>
        <message>
            <source>tensor</source>
            <extracomment>engine: studio/layers/base.py</extracomment>
            <translation>张量</translation>
        </message>
        <message>
            <source>vector</source>
            <extracomment>engine: studio/layers/base.py</extracomment>
            <translation>向量</translation>
        </message>
        <message>
            <source>sequence</source>
            <extracomment>engine: studio/layers/base.py</extracomment>
            <translation>序列</translation>
        </message>
        <message>
            <source>image</source>
            <extracomment>engine: studio/layers/base.py</extracomment>
            <translation>图像</translation>
        </message>
        <message>
            <source>{shape} {kind}</source>
            <extracomment>engine: studio/layers/base.py</extracomment>
            <translation>{shape} {kind}</translation>
        </message>
        <message>
            <source>{shape} {kind} of token ids</source>
            <extracomment>engine: studio/layers/base.py</extracomment>
            <translation>{shape} {kind}（词元 id）</translation>
        </message>
        <message>
            <source>{layer} needs numbers, but gets token ids ({got}); insert an Embedding before it</source>
            <extracomment>engine: studio/layers/common.py</extracomment>
            <translation>{layer} 需要数值输入，但得到的是词元 id（{got}）；请在它之前插入 Embedding</translation>
        </message>
        <message>
            <source>{layer} expects an image (channels×height×width), but gets a {got}; {hint}</source>
            <extracomment>engine: studio/layers/common.py</extracomment>
            <translation>{layer} 需要图像输入（通道×高×宽），但得到的是 {got}；{hint}</translation>
        </message>
        <message>
            <source>{layer} expects a sequence (time steps×features), but gets a {got}; {hint}</source>
            <extracomment>engine: studio/layers/common.py</extracomment>
            <translation>{layer} 需要序列输入（时间步×特征），但得到的是 {got}；{hint}</translation>
        </message>
        <message>
            <source>add a Reshape to channels×height×width (e.g. 1×28×28) before it, or use Dense</source>
            <extracomment>engine: studio/layers/conv.py</extracomment>
            <translation>请在它之前添加 Reshape 为 通道×高×宽（例如 1×28×28），或改用 Dense</translation>
        </message>
        <message>
            <source>use Dropout for vectors and sequences</source>
            <extracomment>engine: studio/layers/conv.py</extracomment>
            <translation>向量和序列请用 Dropout</translation>
        </message>
        <message>
            <source>{layer} {what} {window} is larger than its {size} input; use a smaller {what}, 'same' padding, or less pooling before it</source>
            <extracomment>engine: studio/layers/conv.py</extracomment>
            <translation>{layer} 的{what} {window} 比它 {size} 的输入还大；请使用更小的{what}、'same' 填充，或在它之前减少池化</translation>
        </message>
        <message>
            <source>ConvTranspose2D output padding ({padding}) must be smaller than its strides ({strides})</source>
            <extracomment>engine: studio/layers/conv.py</extracomment>
            <translation>ConvTranspose2D 的输出填充（{padding}）必须小于步长（{strides}）</translation>
        </message>
        <message>
            <source>ConvTranspose2D padding {padding} is too large for its input; reduce it</source>
            <extracomment>engine: studio/layers/conv.py</extracomment>
            <translation>ConvTranspose2D 的填充 {padding} 对它的输入来说太大了；请减小</translation>
        </message>
        <message>
            <source>{layer} has both padding 'same' and keep_partial on; 'same' already keeps every partial window (as Keras does): turn keep_partial off</source>
            <extracomment>engine: studio/layers/conv.py</extracomment>
            <translation>{layer} 同时设置了 padding 'same' 并打开了 keep_partial；'same' 已经会保留每个不完整的窗口（与 Keras 相同）：请关闭 keep_partial</translation>
        </message>
        <message>
            <source>pool size</source>
            <extracomment>engine: studio/layers/conv.py</extracomment>
            <translation>池化窗口</translation>
        </message>
        <message>
            <source>{layer} expects an image or a sequence, but gets a {got}; it is already flat, remove this layer</source>
            <extracomment>engine: studio/layers/conv.py</extracomment>
            <translation>{layer} 需要图像或序列输入，但得到的是 {got}；它已经是扁平的，请删除这一层</translation>
        </message>
        <message>
            <source>use the 2D layer for images, or Reshape to time×features</source>
            <extracomment>engine: studio/layers/conv.py</extracomment>
            <translation>图像请用对应的二维层，或先 Reshape 为 时间×特征</translation>
        </message>
        <message>
            <source>{layer} expects a volume (channels×depth×height×width), but gets a {got}; add a Reshape to channels×depth×height×width before it</source>
            <extracomment>engine: studio/layers/conv.py</extracomment>
            <translation>{layer} 需要体数据输入（通道×深×高×宽），但得到的是 {got}；请在它之前添加 Reshape 为 通道×深×高×宽</translation>
        </message>
        <message>
            <source>kernel</source>
            <extracomment>engine: studio/layers/conv.py</extracomment>
            <translation>卷积核</translation>
        </message>
        <message>
            <source>use Dense for a vector, or Reshape to time steps×features (an image's rows as time steps: 28×28 for MNIST)</source>
            <extracomment>engine: studio/layers/core.py</extracomment>
            <translation>向量请用 Dense，或 Reshape 为 时间步×特征（把图像的每行作为一个时间步：MNIST 为 28×28）</translation>
        </message>
        <message>
            <source>An Output that reproduces its input needs a loss that compares values, not classes: set the loss to mse (or binary_cross_entropy for pixels in 0–1)</source>
            <extracomment>engine: studio/layers/core.py</extracomment>
            <translation>重建输入的 Output 需要比较数值、而非类别的损失函数：请把损失函数设为 mse（像素在 0–1 之间时也可用 binary_cross_entropy）</translation>
        </message>
        <message>
            <source>Cross-entropy needs one score per class (a vector of 2 or more), but the model ends in a {got}; end with Dense(number of classes)</source>
            <extracomment>engine: studio/layers/core.py</extracomment>
            <translation>交叉熵需要每个类别一个分数（长度至少为 2 的向量），但模型最后输出的是 {got}；请以 Dense(类别数) 结尾</translation>
        </message>
        <message>
            <source>Dense expects a flat input (a vector), but gets a {got}; insert Flatten (or GlobalAveragePooling) before it</source>
            <extracomment>engine: studio/layers/core.py</extracomment>
            <translation>Dense 需要扁平的输入（向量），但得到的是 {got}；请在它之前插入 Flatten（或 GlobalAveragePooling）</translation>
        </message>
        <message>
            <source>Embedding expects a sequence of token ids (whole numbers, one per time step), but gets a {got}; set the Input's dtype to int64 and its shape to [sequence length]</source>
            <extracomment>engine: studio/layers/core.py</extracomment>
            <translation>Embedding 需要词元 id 序列（整数，每个时间步一个），但得到的是 {got}；请把 Input 的 dtype 设为 int64，形状设为 [序列长度]</translation>
        </message>
        <message>
            <source>RepeatVector expects a vector, but gets a {got}; insert Flatten (or GlobalAveragePooling) before it</source>
            <extracomment>engine: studio/layers/core.py</extracomment>
            <translation>RepeatVector 需要向量输入，但得到的是 {got}；请在它之前插入 Flatten（或 GlobalAveragePooling）</translation>
        </message>
        <message>
            <source>Permute's dims must name each axis of the {got} once, numbered from 1 to {rank} (the batch is not counted), such as {example}; {dims} does not</source>
            <extracomment>engine: studio/layers/core.py</extracomment>
            <translation>Permute 的 dims 必须把 {got} 的每个轴恰好列出一次，编号从 1 到 {rank}（不计批量维度），例如 {example}；{dims} 不符合要求</translation>
        </message>
        <message>
            <source>Cross-entropy needs one score per class (a vector of 2 or more), but the model ends in a {got}; end with Dense(number of classes) after a Flatten</source>
            <extracomment>engine: studio/layers/core.py</extracomment>
            <translation>交叉熵需要每个类别一个分数（长度至少为 2 的向量），但模型最后输出的是 {got}；请在 Flatten 之后以 Dense(类别数) 结尾</translation>
        </message>
        <message>
            <source>Reshape cannot fit {total} values into {shape}: {total} is not a multiple of {known}</source>
            <extracomment>engine: studio/layers/core.py</extracomment>
            <translation>Reshape 无法把 {total} 个值放进 {shape}：{total} 不是 {known} 的倍数</translation>
        </message>
        <message>
            <source>Reshape cannot turn {total} values ({input}) into {shape} ({known} values); make the sizes multiply to {total}</source>
            <extracomment>engine: studio/layers/core.py</extracomment>
            <translation>Reshape 无法把 {total} 个值（{input}）变成 {shape}（{known} 个值）；请让各维大小的乘积等于 {total}</translation>
        </message>
        <message>
            <source>{title} must be a list of 1 to {rank} axis numbers such as [2, 1]</source>
            <extracomment>engine: studio/layers/core.py</extracomment>
            <translation>{title} 必须是包含 1 到 {rank} 个轴编号的列表，例如 [2, 1]</translation>
        </message>
        <message>
            <source>input {n} is {got}</source>
            <extracomment>engine: studio/layers/merge.py</extracomment>
            <translation>输入 {n} 是 {got}</translation>
        </message>
        <message>
            <source>{layer} needs inputs of the same shape, but {shapes}; make the branches agree (same filters and pooling, or a 1×1 Conv2D on one of them)</source>
            <extracomment>engine: studio/layers/merge.py</extracomment>
            <translation>{layer} 需要形状相同的输入，但{shapes}；请让各分支一致（相同的滤波器数和池化，或在其中一个分支上加 1×1 Conv2D）</translation>
        </message>
        <message>
            <source>channels</source>
            <extracomment>engine: studio/layers/merge.py</extracomment>
            <translation>通道</translation>
        </message>
        <message>
            <source>features</source>
            <extracomment>engine: studio/layers/merge.py</extracomment>
            <translation>特征</translation>
        </message>
        <message>
            <source>Concatenate joins along the {along}, so all other sizes must match, but {shapes}</source>
            <extracomment>engine: studio/layers/merge.py</extracomment>
            <translation>Concatenate 沿{along}拼接，其余各维大小必须一致，但{shapes}</translation>
        </message>
        <message>
            <source>Cropping2D takes {crop} from each side of a {size} image, which leaves nothing; crop less</source>
            <extracomment>engine: studio/layers/padding.py</extracomment>
            <translation>Cropping2D 从 {size} 图像的每一侧裁掉 {crop}，什么也不剩了；请少裁一些</translation>
        </message>
        <message>
            <source>{title} must be a whole number or a pair [before, after]</source>
            <extracomment>engine: studio/layers/padding.py</extracomment>
            <translation>{title} 必须是一个整数或一对 [前, 后]</translation>
        </message>
        <message>
            <source>connect an image input (channels×height×width)</source>
            <extracomment>engine: studio/layers/pretrained.py</extracomment>
            <translation>请连接图像输入（通道×高×宽）</translation>
        </message>
        <message>
            <source>{layer} takes images with 1 or 3 channels (gray or RGB), but gets {channels}; use a Conv2D with 3 filters before it to map them to 3</source>
            <extracomment>engine: studio/layers/pretrained.py</extracomment>
            <translation>{layer} 接受 1 或 3 个通道的图像（灰度或 RGB），但得到的有 {channels} 个通道；请在它之前用一个有 3 个滤波器的 Conv2D 把它们映射为 3 个通道</translation>
        </message>
        <message>
            <source>add a Reshape to time steps×features before it (for a 1×28×28 image: 28×28, rows as steps)</source>
            <extracomment>engine: studio/layers/recurrent.py</extracomment>
            <translation>请在它之前添加 Reshape 为 时间步×特征（对 1×28×28 的图像：28×28，每行作为一步）</translation>
        </message>
        <message>
            <source>choose the run folder of a trained model (its run parameter is empty)</source>
            <extracomment>engine: studio/layers/run_block.py</extracomment>
            <translation>请选择一个已训练模型的运行文件夹（它的 run 参数为空）</translation>
        </message>
        <message>
            <source>the run {path} uses itself as a block</source>
            <extracomment>engine: studio/layers/run_block.py</extracomment>
            <translation>运行 {path} 把自己用作了一个模块</translation>
        </message>
        <message>
            <source>the model of the run {path} does not build: {problem}</source>
            <extracomment>engine: studio/layers/run_block.py</extracomment>
            <translation>运行 {path} 的模型无法构建：{problem}</translation>
        </message>
        <message>
            <source>the run's model has no layer {node!r}; its layers: {names}</source>
            <extracomment>engine: studio/layers/run_block.py</extracomment>
            <translation>该运行的模型中没有层 {node!r}；它的层有：{names}</translation>
        </message>
        <message>
            <source>the block cannot end at {node}, the run's {kind}: choose a layer in between</source>
            <extracomment>engine: studio/layers/run_block.py</extracomment>
            <translation>模块不能在 {node}（该运行的 {kind}）处结束：请选择中间的某一层</translation>
        </message>
        <message>
            <source>the run's model up to {node} has {count} inputs; a block takes one</source>
            <extracomment>engine: studio/layers/run_block.py</extracomment>
            <translation>该运行的模型截至 {node} 有 {count} 个输入；一个模块只能有一个输入</translation>
        </message>
        <message>
            <source>the run's model up to {node} has {count} layers with weights, fewer than trainable_layers ({wanted}): lower it, or set freeze to none</source>
            <extracomment>engine: studio/layers/run_block.py</extracomment>
            <translation>该运行的模型截至 {node} 只有 {count} 个带权重的层，少于 trainable_layers（{wanted}）：请调小它，或把 freeze 设为 none</translation>
        </message>
        <message>
            <source>the run's model takes a {want} (its Input), but this block gets a {got}; feed it data shaped as the run was trained on</source>
            <extracomment>engine: studio/layers/run_block.py</extracomment>
            <translation>该运行的模型接受的是 {want}（它的 Input），但这个模块得到的是 {got}；请给它与该运行训练时形状相同的数据</translation>
        </message>
        <message>
            <source>{path} is not a NetStudio run folder: it has no project.json</source>
            <extracomment>engine: studio/layers/run_block.py</extracomment>
            <translation>{path} 不是 NetStudio 运行文件夹：其中没有 project.json</translation>
        </message>
        <message>
            <source>the run folder {path} cannot be used: {reason}</source>
            <extracomment>engine: studio/layers/run_block.py</extracomment>
            <translation>运行文件夹 {path} 无法使用：{reason}</translation>
        </message>
        <message>
            <source>there is no run folder {path}</source>
            <extracomment>engine: studio/layers/run_block.py</extracomment>
            <translation>运行文件夹 {path} 不存在</translation>
        </message>
        <message>
            <source>The run {path} has no trained weights yet ({file}): train it first</source>
            <extracomment>engine: studio/layers/run_block_modules.py</extracomment>
            <translation>运行 {path} 还没有训练好的权重（{file}）：请先训练它</translation>
        </message>
        <message>
            <source>The model needs about {need} of memory ({params} parameters), but this machine has {available}: make layers smaller (fewer units or filters, a smaller input, pooling before Dense)</source>
            <extracomment>engine: studio/memory.py</extracomment>
            <translation>模型大约需要 {need} 内存（参数量 {params}），但本机只有 {available}：请缩小各层（更少的单元或滤波器、更小的输入、在 Dense 之前加池化）</translation>
        </message>
        <message>
            <source>The model needs about {need} of memory to train ({params} parameters, batch {batch}), but this machine has {available}: make layers smaller (fewer units or filters, a smaller input, pooling before Dense)</source>
            <extracomment>engine: studio/memory.py</extracomment>
            <translation>训练模型大约需要 {need} 内存（参数量 {params}，批量大小 {batch}），但本机只有 {available}：请缩小各层（更少的单元或滤波器、更小的输入、在 Dense 之前加池化）</translation>
        </message>
        <message>
            <source>billion</source>
            <extracomment>engine: studio/memory.py</extracomment>
            <translation>十亿</translation>
        </message>
        <message>
            <source>million</source>
            <extracomment>engine: studio/memory.py</extracomment>
            <translation>百万</translation>
        </message>
        <message>
            <source>{title} must be a whole number, not {value!r}</source>
            <extracomment>engine: studio/params.py</extracomment>
            <translation>{title} 必须是整数，而不是 {value!r}</translation>
        </message>
        <message>
            <source>{title} must be between {minimum} and {maximum}, not {value}</source>
            <extracomment>engine: studio/params.py</extracomment>
            <translation>{title} 必须在 {minimum} 到 {maximum} 之间，而不是 {value}</translation>
        </message>
        <message>
            <source>{title} must be a number, not {value!r}</source>
            <extracomment>engine: studio/params.py</extracomment>
            <translation>{title} 必须是数字，而不是 {value!r}</translation>
        </message>
        <message>
            <source>{title} must be between {minimum:g} and {maximum:g}, not {value:g}</source>
            <extracomment>engine: studio/params.py</extracomment>
            <translation>{title} 必须在 {minimum:g} 到 {maximum:g} 之间，而不是 {value:g}</translation>
        </message>
        <message>
            <source>{title} must be true or false, not {value!r}</source>
            <extracomment>engine: studio/params.py</extracomment>
            <translation>{title} 必须是 true 或 false，而不是 {value!r}</translation>
        </message>
        <message>
            <source>{title} must be one of {options}; not {value!r}</source>
            <extracomment>engine: studio/params.py</extracomment>
            <translation>{title} 必须是 {options} 之一，而不是 {value!r}</translation>
        </message>
        <message>
            <source>{title} must be a whole number or a pair [height, width]</source>
            <extracomment>engine: studio/params.py</extracomment>
            <translation>{title} 必须是一个整数或一对 [高, 宽]</translation>
        </message>
        <message>
            <source>{title} must be a list of whole numbers such as [1, 28, 28]</source>
            <extracomment>engine: studio/params.py</extracomment>
            <translation>{title} 必须是整数列表，例如 [1, 28, 28]</translation>
        </message>
        <message>
            <source>{title} must have 1 to {rank} dimensions</source>
            <extracomment>engine: studio/params.py</extracomment>
            <translation>{title} 必须有 1 到 {rank} 个维度</translation>
        </message>
        <message>
            <source>{title} must contain only positive sizes</source>
            <extracomment>engine: studio/params.py</extracomment>
            <translation>{title} 只能包含正数大小</translation>
        </message>
        <message>
            <source>{title} may contain -1 ("the rest") only once</source>
            <extracomment>engine: studio/params.py</extracomment>
            <translation>{title} 中 -1（“其余部分”）最多只能出现一次</translation>
        </message>
        <message>
            <source>{title} sizes must be positive, not {value}</source>
            <extracomment>engine: studio/params.py</extracomment>
            <translation>{title} 的各维大小必须为正数，而不是 {value}</translation>
        </message>
        <message>
            <source>{title}: each size must be at most {maximum:,}, not {value}</source>
            <extracomment>engine: studio/params.py</extracomment>
            <translation>{title}：每一维的大小最多为 {maximum:,}，而不是 {value}</translation>
        </message>
        <message>
            <source>{title} {value} holds {count:,} values per sample; NetStudio takes at most {maximum:,}</source>
            <extracomment>engine: studio/params.py</extracomment>
            <translation>{title} {value} 每个样本有 {count:,} 个值；NetStudio 最多接受 {maximum:,} 个</translation>
        </message>
        <message>
            <source>{layer} has no parameter {name!r} (its parameters: {known})</source>
            <extracomment>engine: studio/params.py</extracomment>
            <translation>{layer} 没有参数 {name!r}（它的参数有：{known}）</translation>
        </message>
        <message>
            <source>{title} must be text, not {value!r}</source>
            <extracomment>engine: studio/params.py</extracomment>
            <translation>{title} 必须是文本，而不是 {value!r}</translation>
        </message>
        <message>
            <source>{title} is too long or holds a NUL character</source>
            <extracomment>engine: studio/params.py</extracomment>
            <translation>{title} 太长或含有 NUL 字符</translation>
        </message>
        <message>
            <source>{title} must be a whole number or a triple [depth, height, width]</source>
            <extracomment>engine: studio/params.py</extracomment>
            <translation>{title} 必须是一个整数或三元组 [深, 高, 宽]</translation>
        </message>
        <message>
            <source>The pretrained weights {file} ({arch}, {weights}) are not in the cache ({why}). Download {url} and put it into {folder}, or set the backbone's weights to "none" to train it from scratch.</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation>缓存中没有预训练权重 {file}（{arch}，{weights}；{why}）。请下载 {url} 并放到 {folder}，或把骨干网络的 weights 设为“none”，从头开始训练。</translation>
        </message>
        <message>
            <source>{path} is damaged and cannot be loaded ({reason}). Delete it, and NetStudio downloads it again; or copy a good {file} from {url} into {folder}.</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation>{path} 已损坏，无法加载（{reason}）。删除它，NetStudio 会重新下载；或者从 {url} 把完好的 {file} 复制到 {folder}。</translation>
        </message>
        <message>
            <source>{message} Also missing: {files}.</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation>{message} 另外还缺少：{files}。</translation>
        </message>
        <message>
            <source>Downloading pretrained weights: {file}</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation>正在下载预训练权重：{file}</translation>
        </message>
        <message>
            <source>Cannot write {path}: {reason}. Free some space, or set TORCH_HOME to a folder that can be written.</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation>无法写入 {path}：{reason}。请腾出一些空间，或把 TORCH_HOME 设为一个可写的文件夹。</translation>
        </message>
        <message>
            <source>cannot reach the server: {reason}</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation>无法连接服务器：{reason}</translation>
        </message>
        <message>
            <source>they have not been downloaded yet; training downloads them</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation>还没有下载过；训练时会下载</translation>
        </message>
        <message>
            <source>no download address</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation>没有下载地址</translation>
        </message>
        <message>
            <source>it is not a file saved by PyTorch: cut short, empty or something else</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation>它不是 PyTorch 保存的文件：可能不完整、为空或是别的文件</translation>
        </message>
        <message>
            <source>it holds objects other than tensors, which NetStudio never unpickles</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation>它包含张量以外的对象，NetStudio 从不对这类对象做反序列化（unpickle）</translation>
        </message>
        <message>
            <source>Waiting for another NetStudio to finish downloading {file}</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation>正在等待另一个 NetStudio 下载完 {file}</translation>
        </message>
        <message>
            <source>the server would not send the file from its start</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation>服务器不肯从头发送这个文件</translation>
        </message>
        <message>
            <source>the server's name could not be looked up: no internet connection?</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation>无法解析服务器名称：是不是没有联网？</translation>
        </message>
        <message>
            <source>the download failed: {why}</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation>下载失败：{why}</translation>
        </message>
        <message>
            <source>Downloaded the pretrained weights {file} ({size} MB) into {folder}.</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation>已把预训练权重 {file}（{size} MB）下载到 {folder}。</translation>
        </message>
        <message>
            <source>{file} ({url})</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation>{file}（{url}）</translation>
        </message>
        <message>
            <source>the download stopped after {done} of {total} MB; start again to continue it</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation>下载在 {total} MB 中的 {done} MB 处中断；重新开始即可继续下载</translation>
        </message>
        <message>
            <source>torchvision has no model named {arch}</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation>torchvision 中没有名为 {arch} 的模型</translation>
        </message>
        <message>
            <source>{arch} has no pretrained weights named {weights}; choose one of: {names}</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation>{arch} 没有名为 {weights} 的预训练权重；请从以下选择：{names}</translation>
        </message>
        <message>
            <source>it holds no state_dict of named tensors</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation>其中没有由命名张量组成的 state_dict</translation>
        </message>
        <message>
            <source>the server answered {code} {reason}</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation>服务器返回 {code} {reason}</translation>
        </message>
        <message>
            <source>the server stopped answering (timed out)</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation>服务器不再响应（超时）</translation>
        </message>
        <message>
            <source>the connection failed ({reason})</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation>连接失败（{reason}）</translation>
        </message>
        <message>
            <source>the downloaded file was damaged or not the one published: its SHA-256 begins {got}, its name says {expected}; it was deleted</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation>下载的文件已损坏或不是发布的那个文件：它的 SHA-256 以 {got} 开头，而文件名表明应为 {expected}；已将其删除</translation>
        </message>
        <message>
            <source>its folder cannot be created: {reason}</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation>无法创建它所在的文件夹：{reason}</translation>
        </message>
        <message>
            <source>epoch {epoch}</source>
            <extracomment>engine: studio/progress.py</extracomment>
            <translation>第 {epoch} 轮</translation>
        </message>
        <message>
            <source>{rate} samples/s</source>
            <extracomment>engine: studio/progress.py</extracomment>
            <translation>{rate} 样本/秒</translation>
        </message>
        <message>
            <source>ETA {time}</source>
            <extracomment>engine: studio/progress.py</extracomment>
            <translation>还剩 {time}</translation>
        </message>
        <message>
            <source>epoch {epoch}/{epochs}: {metrics}</source>
            <extracomment>engine: studio/progress.py</extracomment>
            <translation>第 {epoch}/{epochs} 轮：{metrics}</translation>
        </message>
        <message>
            <source>epochs {first}–{last}</source>
            <extracomment>engine: studio/progress.py</extracomment>
            <translation>第 {first}–{last} 轮</translation>
        </message>
        <message>
            <source>Training on {dataset}: {samples} samples, validating on {validation}, on {device}, {epochs}.</source>
            <extracomment>engine: studio/progress.py</extracomment>
            <translation>正在用 {dataset} 训练：{samples} 个样本，{validation} 个用于验证，设备 {device}，{epochs}。</translation>
        </message>
        <message>
            <source>Training on {dataset}: {samples} samples, on {device}, {epochs}.</source>
            <extracomment>engine: studio/progress.py</extracomment>
            <translation>正在用 {dataset} 训练：{samples} 个样本，设备 {device}，{epochs}。</translation>
        </message>
        <message>
            <source>Evaluating on {count} test samples…</source>
            <extracomment>engine: studio/progress.py</extracomment>
            <translation>正在 {count} 个测试样本上评估…</translation>
        </message>
        <message>
            <source>Stopped before training began.</source>
            <extracomment>engine: studio/progress.py</extracomment>
            <translation>训练开始前已停止。</translation>
        </message>
        <message>
            <source>1 epoch</source>
            <extracomment>engine: studio/progress.py</extracomment>
            <translation>1 轮</translation>
        </message>
        <message>
            <source>{count} epochs</source>
            <extracomment>engine: studio/progress.py</extracomment>
            <translation>{count} 轮</translation>
        </message>
        <message>
            <source>Test accuracy: {accuracy}</source>
            <extracomment>engine: studio/progress.py</extracomment>
            <translation>测试准确率：{accuracy}</translation>
        </message>
        <message>
            <source>The run is in {folder}/ (model, checkpoint, metrics; `netstudio export {folder} --format onnx -o model.onnx`).</source>
            <extracomment>engine: studio/progress.py</extracomment>
            <translation>运行结果在 {folder}/ 中（模型、检查点、指标；`netstudio export {folder} --format onnx -o model.onnx`）。</translation>
        </message>
        <message>
            <source>Stopped. Continue with: netstudio train --resume {folder}</source>
            <extracomment>engine: studio/progress.py</extracomment>
            <translation>已停止。继续训练：netstudio train --resume {folder}</translation>
        </message>
        <message>
            <source>Run folder: {folder}/</source>
            <extracomment>engine: studio/progress.py</extracomment>
            <translation>运行文件夹：{folder}/</translation>
        </message>
        <message>
            <source>Test loss: {loss}</source>
            <extracomment>engine: studio/progress.py</extracomment>
            <translation>测试损失：{loss}</translation>
        </message>
        <message>
            <source>{where} {reason}</source>
            <extracomment>engine: studio/project.py</extracomment>
            <translation>{where} {reason}</translation>
        </message>
        <message>
            <source>{where}: the field {key!r} is missing</source>
            <extracomment>engine: studio/project.py</extracomment>
            <translation>{where}：缺少字段 {key!r}</translation>
        </message>
        <message>
            <source>{where}.{key} must be {expected}, not {actual}</source>
            <extracomment>engine: studio/project.py</extracomment>
            <translation>{where}.{key} 必须是 {expected}，而不是 {actual}</translation>
        </message>
        <message>
            <source>{where}: not a NetStudio project (expected a JSON object)</source>
            <extracomment>engine: studio/project.py</extracomment>
            <translation>{where}：不是 NetStudio 项目（应为 JSON 对象）</translation>
        </message>
        <message>
            <source>{where}: not a NetStudio project (the 'format' field is not {format!r})</source>
            <extracomment>engine: studio/project.py</extracomment>
            <translation>{where}：不是 NetStudio 项目（'format' 字段不是 {format!r}）</translation>
        </message>
        <message>
            <source>{where} was saved by a newer NetStudio (file format {version}; this version reads up to {supported}). Update NetStudio to open it; the file was not changed.</source>
            <extracomment>engine: studio/project.py</extracomment>
            <translation>{where} 是由更新版本的 NetStudio 保存的（文件格式 {version}；当前版本最高只能读取 {supported}）。请更新 NetStudio 后再打开；文件没有被修改。</translation>
        </message>
        <message>
            <source>{where}.version must be 1 or more, not {version}</source>
            <extracomment>engine: studio/project.py</extracomment>
            <translation>{where}.version 必须大于或等于 1，而不是 {version}</translation>
        </message>
        <message>
            <source>{where}.description must be text</source>
            <extracomment>engine: studio/project.py</extracomment>
            <translation>{where}.description 必须是文本</translation>
        </message>
        <message>
            <source>{where} must be an object</source>
            <extracomment>engine: studio/project.py</extracomment>
            <translation>{where} 必须是对象</translation>
        </message>
        <message>
            <source>{where}.params must be an object</source>
            <extracomment>engine: studio/project.py</extracomment>
            <translation>{where}.params 必须是对象</translation>
        </message>
        <message>
            <source>{where}.position must be two numbers [x, y] between -{limit:g} and {limit:g}</source>
            <extracomment>engine: studio/project.py</extracomment>
            <translation>{where}.position 必须是两个介于 -{limit:g} 到 {limit:g} 之间的数 [x, y]</translation>
        </message>
        <message>
            <source>{where}.{key} is {length:,} characters long; names of nodes and layers are at most {limit}</source>
            <extracomment>engine: studio/project.py</extracomment>
            <translation>{where}.{key} 长 {length:,} 个字符；节点和层的名称最多 {limit} 个字符</translation>
        </message>
        <message>
            <source>{where}: {field} {reason}</source>
            <extracomment>engine: studio/project.py</extracomment>
            <translation>{where}：{field} {reason}</translation>
        </message>
        <message>
            <source>{path} is larger than {limit} MB; a project file is far smaller, so this is not one</source>
            <extracomment>engine: studio/project.py</extracomment>
            <translation>{path} 大于 {limit} MB；项目文件要小得多，所以这不是项目文件</translation>
        </message>
        <message>
            <source>{where} has a field {key!r} that NetStudio does not know; it was left out, and saving the project drops it</source>
            <extracomment>engine: studio/project.py</extracomment>
            <translation>{where} 中有 NetStudio 不认识的字段 {key!r}；它已被忽略，保存项目时会丢弃它</translation>
        </message>
        <message>
            <source>{where} and {count:,} more have a field {key!r} that NetStudio does not know; it was left out, and saving the project drops it</source>
            <extracomment>engine: studio/project.py</extracomment>
            <translation>{where} 以及另外 {count:,} 处有 NetStudio 不认识的字段 {key!r}；它已被忽略，保存项目时会丢弃它</translation>
        </message>
        <message>
            <source>… and {count} more unknown fields</source>
            <extracomment>engine: studio/project.py</extracomment>
            <translation>… 以及另外 {count} 个未知字段</translation>
        </message>
        <message>
            <source>{where}.{what} holds {count:,} items; a project holds at most {limit:,}</source>
            <extracomment>engine: studio/project.py</extracomment>
            <translation>{where}.{what} 有 {count:,} 项；一个项目最多只能有 {limit:,} 项</translation>
        </message>
        <message>
            <source>{where}.port must be a whole number</source>
            <extracomment>engine: studio/project.py</extracomment>
            <translation>{where}.port 必须是整数</translation>
        </message>
        <message>
            <source>{where}: {error}</source>
            <extracomment>engine: studio/project.py</extracomment>
            <translation>{where}：{error}</translation>
        </message>
        <message>
            <source>{path} is damaged or not JSON (line {line}, column {column}: {error})</source>
            <extracomment>engine: studio/project.py</extracomment>
            <translation>{path} 已损坏或不是 JSON（第 {line} 行，第 {column} 列：{error}）</translation>
        </message>
        <message>
            <source>{path} is nested far too deeply to be a NetStudio file</source>
            <extracomment>engine: studio/project.py</extracomment>
            <translation>{path} 的嵌套层次太深，不可能是 NetStudio 文件</translation>
        </message>
        <message>
            <source>{path} is a folder, not a project file</source>
            <extracomment>engine: studio/project.py</extracomment>
            <translation>{path} 是文件夹，不是项目文件</translation>
        </message>
        <message>
            <source>{path} is not a regular file</source>
            <extracomment>engine: studio/project.py</extracomment>
            <translation>{path} 不是普通文件</translation>
        </message>
        <message>
            <source>{path} cannot be read: {error}</source>
            <extracomment>engine: studio/project.py</extracomment>
            <translation>无法读取 {path}：{error}</translation>
        </message>
        <message>
            <source>{path} is not UTF-8 text (byte {offset:,}), so not a NetStudio project</source>
            <extracomment>engine: studio/project.py</extracomment>
            <translation>{path} 不是 UTF-8 文本（第 {offset:,} 字节），所以不是 NetStudio 项目</translation>
        </message>
        <message>
            <source>is a number of {digits:,} digits; numbers in a project are far smaller</source>
            <extracomment>engine: studio/project_json.py</extracomment>
            <translation>是一个 {digits:,} 位的数；项目中的数要小得多</translation>
        </message>
        <message>
            <source>is {value}; only finite numbers are allowed (no NaN, Infinity or numbers beyond 1e308)</source>
            <extracomment>engine: studio/project_json.py</extracomment>
            <translation>是 {value}；只允许有限的数（不能是 NaN、Infinity 或超过 1e308 的数）</translation>
        </message>
        <message>
            <source>is nested more than {limit} levels deep; a project is far flatter</source>
            <extracomment>engine: studio/project_json.py</extracomment>
            <translation>嵌套超过 {limit} 层；项目的结构要扁平得多</translation>
        </message>
        <message>
            <source>has the key {key!r} more than once; keep one of them</source>
            <extracomment>engine: studio/project_json.py</extracomment>
            <translation>多次出现键 {key!r}；请只保留一个</translation>
        </message>
        <message>
            <source>is {length:,} characters long; at most {limit:,} are allowed here</source>
            <extracomment>engine: studio/project_json.py</extracomment>
            <translation>长 {length:,} 个字符；这里最多允许 {limit:,} 个</translation>
        </message>
        <message>
            <source>holds a lone surrogate (an escape such as \ud800 that is not a character)</source>
            <extracomment>engine: studio/project_json.py</extracomment>
            <translation>含有孤立的代理项（例如 \ud800 这样不代表任何字符的转义）</translation>
        </message>
        <message>
            <source>holds a NUL character (\u0000)</source>
            <extracomment>engine: studio/project_json.py</extracomment>
            <translation>含有 NUL 字符（\u0000）</translation>
        </message>
        <message>
            <source>holds more than {limit:,} values; a project holds far fewer</source>
            <extracomment>engine: studio/project_json.py</extracomment>
            <translation>含有超过 {limit:,} 个值；项目中的值要少得多</translation>
        </message>
        <message>
            <source>has a key of {length:,} characters ({key!r}); keys are at most {limit} characters</source>
            <extracomment>engine: studio/project_json.py</extracomment>
            <translation>有一个长 {length:,} 个字符的键（{key!r}）；键最多 {limit} 个字符</translation>
        </message>
        <message>
            <source>holds a control character (such as a line break or an escape code)</source>
            <extracomment>engine: studio/project_json.py</extracomment>
            <translation>含有控制字符（例如换行符或转义码）</translation>
        </message>
        <message>
            <source>{path} is in use by another training run (process {pid} on {host}, started {when}). Wait for it to end, or choose another output folder. If that run is gone, delete {lock}.</source>
            <extracomment>engine: studio/runs/folder.py</extracomment>
            <translation>{path} 正被另一次训练运行使用（{host} 上的进程 {pid}，开始于 {when}）。请等它结束，或选择另一个输出文件夹。如果那次运行已经不在了，请删除 {lock}。</translation>
        </message>
        <message>
            <source>Cannot write {path}: {reason}. Free some space or choose another output folder.</source>
            <extracomment>engine: studio/runs/folder.py</extracomment>
            <translation>无法写入 {path}：{reason}。请腾出一些空间，或选择另一个输出文件夹。</translation>
        </message>
        <message>
            <source>the disk is full</source>
            <extracomment>engine: studio/runs/folder.py</extracomment>
            <translation>磁盘已满</translation>
        </message>
        <message>
            <source>the folder is read-only</source>
            <extracomment>engine: studio/runs/folder.py</extracomment>
            <translation>文件夹是只读的</translation>
        </message>
        <message>
            <source>{path} has {free} free, but the run's checkpoint needs about {needed}. Free some space or choose another output folder.</source>
            <extracomment>engine: studio/runs/folder.py</extracomment>
            <translation>{path} 只有 {free} 可用空间，但这次运行的检查点大约需要 {needed}。请腾出一些空间，或选择另一个输出文件夹。</translation>
        </message>
        <message>
            <source>{path} is a file, not a folder: choose a folder for the run</source>
            <extracomment>engine: studio/runs/folder.py</extracomment>
            <translation>{path} 是文件，不是文件夹：请为这次运行选择一个文件夹</translation>
        </message>
        <message>
            <source>{path} was locked by a run that is no longer running (process {pid}); taking it over.</source>
            <extracomment>engine: studio/runs/folder.py</extracomment>
            <translation>{path} 被一次已经不在运行的训练锁定（进程 {pid}）；现在接管它。</translation>
        </message>
        <message>
            <source>The project cannot be saved: its name or description holds a character that cannot be written (a lone surrogate). Edit the text and try again.</source>
            <extracomment>engine: studio/runs/folder.py</extracomment>
            <translation>项目无法保存：它的名称或描述中含有无法写入的字符（孤立的代理项）。请修改文本后重试。</translation>
        </message>
        <message>
            <source>{path} is not a readable safetensors file ({reason})</source>
            <extracomment>engine: studio/runs/layout.py</extracomment>
            <translation>{path} 不是可读取的 safetensors 文件（{reason}）</translation>
        </message>
        <message>
            <source>{path} is not a NetStudio run folder: it has no {file}</source>
            <extracomment>engine: studio/runs/layout.py</extracomment>
            <translation>{path} 不是 NetStudio 运行文件夹：其中没有 {file}</translation>
        </message>
        <message>
            <source>{path} has no project: put its project .json beside it</source>
            <extracomment>engine: studio/runs/layout.py</extracomment>
            <translation>{path} 没有对应的项目：请把它的项目 .json 文件放在它旁边</translation>
        </message>
        <message>
            <source>Name the project to train (or resume a run folder)</source>
            <extracomment>engine: studio/runs/pipeline.py</extracomment>
            <translation>请指定要训练的项目（或要继续的运行文件夹）</translation>
        </message>
        <message>
            <source>{path} has finished: it trained {done} epochs. To train it further, give more epochs: netstudio train --resume {path} --epochs {more}</source>
            <extracomment>engine: studio/runs/pipeline.py</extracomment>
            <translation>{path} 已完成：它训练了 {done} 轮。要继续训练，请给出更多轮数：netstudio train --resume {path} --epochs {more}</translation>
        </message>
        <message>
            <source>Resuming {path} ({status}, {done} epochs done).</source>
            <extracomment>engine: studio/runs/pipeline.py</extracomment>
            <translation>继续 {path}（{status}，已完成 {done} 轮）。</translation>
        </message>
        <message>
            <source>Resuming needs the run folder of the stopped run</source>
            <extracomment>engine: studio/runs/pipeline.py</extracomment>
            <translation>继续训练需要已停止运行的运行文件夹</translation>
        </message>
        <message>
            <source>Resuming with the run's own project ({file}); the project file named is not used.</source>
            <extracomment>engine: studio/runs/pipeline.py</extracomment>
            <translation>使用该运行自己的项目（{file}）继续；不使用所指定的项目文件。</translation>
        </message>
        <message>
            <source>{path} held an earlier run: it is replaced.</source>
            <extracomment>engine: studio/runs/pipeline.py</extracomment>
            <translation>{path} 中有之前的运行：现已替换。</translation>
        </message>
        <message>
            <source>The run trained on {old}; it continues on {new}, as asked.</source>
            <extracomment>engine: studio/runs/pipeline.py</extracomment>
            <translation>这次运行原先在 {old} 上训练；按要求改在 {new} 上继续。</translation>
        </message>
        <message>
            <source>ended</source>
            <extracomment>engine: studio/runs/pipeline.py</extracomment>
            <translation>已结束</translation>
        </message>
        <message>
            <source>{path} already holds a run ({status}). Continue it with `netstudio train --resume {path}`, choose another --out folder, or add --force to replace it</source>
            <extracomment>engine: studio/runs/pipeline.py</extracomment>
            <translation>{path} 中已经有一次运行（{status}）。可以用 `netstudio train --resume {path}` 继续它，或选择另一个 --out 文件夹，或加上 --force 替换它</translation>
        </message>
        <message>
            <source>{setting} is now {new} (the run used {old}), as asked.</source>
            <extracomment>engine: studio/runs/pipeline.py</extracomment>
            <translation>按要求，{setting} 现在是 {new}（这次运行原先用的是 {old}）。</translation>
        </message>
        <message>
            <source>{option} is now {new} (the run used {old}), as asked.</source>
            <extracomment>engine: studio/runs/pipeline.py</extracomment>
            <translation>按要求，{option} 现在是 {new}（这次运行原先用的是 {old}）。</translation>
        </message>
        <message>
            <source>all</source>
            <extracomment>engine: studio/runs/pipeline.py</extracomment>
            <translation>全部</translation>
        </message>
        <message>
            <source>{path} does not hold this model's weights: {missing} missing, {extra} unexpected (first: {first})</source>
            <extracomment>engine: studio/runs/storage.py</extracomment>
            <translation>{path} 中不是这个模型的权重：缺少 {missing} 个，多出 {extra} 个（第一个：{first}）</translation>
        </message>
        <message>
            <source>{path} is not a usable NetStudio checkpoint: {what}</source>
            <extracomment>engine: studio/runs/storage.py</extracomment>
            <translation>{path} 不是可用的 NetStudio 检查点：{what}</translation>
        </message>
        <message>
            <source>it holds no checkpoint record</source>
            <extracomment>engine: studio/runs/storage.py</extracomment>
            <translation>其中没有检查点记录</translation>
        </message>
        <message>
            <source>its epoch count is missing or impossible</source>
            <extracomment>engine: studio/runs/storage.py</extracomment>
            <translation>它的轮数缺失或不合理</translation>
        </message>
        <message>
            <source>its history does not match its epoch count</source>
            <extracomment>engine: studio/runs/storage.py</extracomment>
            <translation>它的历史记录与轮数不符</translation>
        </message>
        <message>
            <source>it holds no model weights</source>
            <extracomment>engine: studio/runs/storage.py</extracomment>
            <translation>其中没有模型权重</translation>
        </message>
        <message>
            <source>its random number state is damaged</source>
            <extracomment>engine: studio/runs/storage.py</extracomment>
            <translation>它的随机数状态已损坏</translation>
        </message>
        <message>
            <source>it does not name its optimizer</source>
            <extracomment>engine: studio/runs/storage.py</extracomment>
            <translation>它没有注明所用的优化器</translation>
        </message>
        <message>
            <source>its early-stopping state is damaged</source>
            <extracomment>engine: studio/runs/storage.py</extracomment>
            <translation>它的提前停止状态已损坏</translation>
        </message>
        <message>
            <source>{path}: the weight {name} has shape {got}, but the model needs {want}</source>
            <extracomment>engine: studio/runs/storage.py</extracomment>
            <translation>{path}：权重 {name} 的形状是 {got}，但模型需要 {want}</translation>
        </message>
        <message>
            <source>{path} was refused: it contains Python objects, not only weights, and NetStudio never runs code from a file. Use a file saved by NetStudio or a plain state_dict.</source>
            <extracomment>engine: studio/runs/storage.py</extracomment>
            <translation>已拒绝 {path}：它包含 Python 对象，而不只是权重，而 NetStudio 从不运行文件中的代码。请使用 NetStudio 保存的文件或普通的 state_dict。</translation>
        </message>
        <message>
            <source>{path} is damaged or not a PyTorch weights file</source>
            <extracomment>engine: studio/runs/storage.py</extracomment>
            <translation>{path} 已损坏或不是 PyTorch 权重文件</translation>
        </message>
        <message>
            <source>its optimizer state is damaged</source>
            <extracomment>engine: studio/runs/storage.py</extracomment>
            <translation>它的优化器状态已损坏</translation>
        </message>
        <message>
            <source>TensorBoard events could not be written in {folder} ({reason}); the run goes on without them.</source>
            <extracomment>engine: studio/runs/tensorboard_log.py</extracomment>
            <translation>无法在 {folder} 中写入 TensorBoard 事件（{reason}）；运行会继续，但不记录这些事件。</translation>
        </message>
        <message>
            <source>The project holds out no validation data: the search holds out {percent}% of the training data to score the trials (the test set is never used to choose).</source>
            <extracomment>engine: studio/search.py</extracomment>
            <translation>项目没有留出验证数据：搜索会留出 {percent}% 的训练数据来给各次试验评分（从不使用测试集做选择）。</translation>
        </message>
        <message>
            <source>minimize</source>
            <extracomment>engine: studio/search.py</extracomment>
            <translation>最小化</translation>
        </message>
        <message>
            <source>maximize</source>
            <extracomment>engine: studio/search.py</extracomment>
            <translation>最大化</translation>
        </message>
        <message>
            <source>The storage {url} cannot be opened: {reason}</source>
            <extracomment>engine: studio/search.py</extracomment>
            <translation>无法打开存储 {url}：{reason}</translation>
        </message>
        <message>
            <source>There is no sampler {name!r}; choose {choices}</source>
            <extracomment>engine: studio/search.py</extracomment>
            <translation>没有采样器 {name!r}；请从 {choices} 中选择</translation>
        </message>
        <message>
            <source>There is no pruner {name!r}; choose {choices}</source>
            <extracomment>engine: studio/search.py</extracomment>
            <translation>没有剪枝器 {name!r}；请从 {choices} 中选择</translation>
        </message>
        <message>
            <source>The objective must be {choices}, not {name!r} (a search never chooses on the test set)</source>
            <extracomment>engine: studio/search.py</extracomment>
            <translation>目标指标必须是 {choices}，而不是 {name!r}（搜索从不依据测试集做选择）</translation>
        </message>
        <message>
            <source>--trials must be 1 or more, not {trials}</source>
            <extracomment>engine: studio/search.py</extracomment>
            <translation>--trials 必须大于等于 1，而不是 {trials}</translation>
        </message>
        <message>
            <source>--resume needs the --storage the search was kept in (a search kept in memory ends with its process)</source>
            <extracomment>engine: studio/search.py</extracomment>
            <translation>--resume 需要保存该搜索时所用的 --storage（保存在内存中的搜索会随进程结束而消失）</translation>
        </message>
        <message>
            <source>--study {name!r}: use letters, digits, _, - and . (at most 100; it names the search folder)</source>
            <extracomment>engine: studio/search.py</extracomment>
            <translation>--study {name!r}：请只使用字母、数字、_、- 和 .（最多 100 个字符；它用作搜索文件夹的名称）</translation>
        </message>
        <message>
            <source>A GAN has no validation figure to search on; search a classifier or a regression model</source>
            <extracomment>engine: studio/search.py</extracomment>
            <translation>GAN 没有可供搜索的验证指标；请搜索分类模型或回归模型</translation>
        </message>
        <message>
            <source>A search named {study} already exists in {storage}. Add --resume to continue it (or to join it as another worker), or choose another --study</source>
            <extracomment>engine: studio/search.py</extracomment>
            <translation>{storage} 中已有名为 {study} 的搜索。加上 --resume 可以继续它（或作为另一个工作进程加入），或者换一个 --study</translation>
        </message>
        <message>
            <source>The grid has {size} points: the search runs {size} trials, not {trials}.</source>
            <extracomment>engine: studio/search.py</extracomment>
            <translation>网格共有 {size} 个点：搜索会运行 {size} 次试验，而不是 {trials} 次。</translation>
        </message>
        <message>
            <source>{folder} already holds a search named {study}; choose another --study (or resume that search with the --storage it used and --resume)</source>
            <extracomment>engine: studio/search.py</extracomment>
            <translation>{folder} 中已有名为 {study} 的搜索；请换一个 --study（或用它所用的 --storage 加上 --resume 继续那个搜索）</translation>
        </message>
        <message>
            <source>The search {study} was run to {direction} its objective; resume it with the same --objective</source>
            <extracomment>engine: studio/search.py</extracomment>
            <translation>搜索 {study} 运行时的方向是 {direction} 其目标指标；请用相同的 --objective 继续它</translation>
        </message>
        <message>
            <source>The search {study} already has {done} trials ({trials} asked): give more --trials to go on.</source>
            <extracomment>engine: studio/search.py</extracomment>
            <translation>搜索 {study} 已经有 {done} 次试验（要求 {trials} 次）：要继续，请给出更大的 --trials。</translation>
        </message>
        <message>
            <source>This model reports no validation accuracy (it does not classify): search it with --objective val_loss</source>
            <extracomment>engine: studio/search.py</extracomment>
            <translation>这个模型不报告验证准确率（它不做分类）：请用 --objective val_loss 搜索</translation>
        </message>
        <message>
            <source>The validation {metric} is not a number: the training diverged. Narrow the range of the learning rate</source>
            <extracomment>engine: studio/search.py</extracomment>
            <translation>验证集上的 {metric} 不是数值：训练发散了。请缩小学习率的搜索范围</translation>
        </message>
        <message>
            <source>Save the project first: a search keeps its trials beside the project file</source>
            <extracomment>engine: studio/search.py</extracomment>
            <translation>请先保存项目：搜索会把试验记录保存在项目文件旁边</translation>
        </message>
        <message>
            <source>The search folder {folder} cannot be made: {reason}</source>
            <extracomment>engine: studio/search.py</extracomment>
            <translation>无法创建搜索文件夹 {folder}：{reason}</translation>
        </message>
        <message>
            <source>The search {study} searched {recorded}; resume it with the same --param values, or start another --study</source>
            <extracomment>engine: studio/search.py</extracomment>
            <translation>搜索 {study} 搜索的是 {recorded}；请用相同的 --param 值继续它，或开始另一个 --study</translation>
        </message>
        <message>
            <source>The search {study} scored trials on {objective}; resume it with the same --objective</source>
            <extracomment>engine: studio/search.py</extracomment>
            <translation>搜索 {study} 按 {objective} 给试验评分；请用相同的 --objective 继续它</translation>
        </message>
        <message>
            <source>epochs is the search's own budget: give it with --epochs</source>
            <extracomment>engine: studio/search_space.py</extracomment>
            <translation>epochs 是搜索本身的预算：请用 --epochs 指定</translation>
        </message>
        <message>
            <source>the validation split cannot be searched: trials are compared on one validation set</source>
            <extracomment>engine: studio/search_space.py</extracomment>
            <translation>验证集划分比例不能搜索：各次试验要在同一个验证集上比较</translation>
        </message>
        <message>
            <source>the device cannot be searched: it changes where a trial runs, not how it learns</source>
            <extracomment>engine: studio/search_space.py</extracomment>
            <translation>设备不能搜索：它改变的是试验在哪里运行，而不是如何学习</translation>
        </message>
        <message>
            <source>the training samples cannot be searched: trials are compared on the same data</source>
            <extracomment>engine: studio/search_space.py</extracomment>
            <translation>训练样本数不能搜索：各次试验要在相同的数据上比较</translation>
        </message>
        <message>
            <source>Say what to search with --param, e.g. --param dense_1.units=32,64,128 --param lr=1e-4..1e-2:log</source>
            <extracomment>engine: studio/search_space.py</extracomment>
            <translation>请用 --param 指定要搜索什么，例如 --param dense_1.units=32,64,128 --param lr=1e-4..1e-2:log</translation>
        </message>
        <message>
            <source>--param {spec!r}: write NAME=VALUES, e.g. dense_1.units=32,64,128 or lr=1e-4..1e-2:log</source>
            <extracomment>engine: studio/search_space.py</extracomment>
            <translation>--param {spec!r}：请写成 NAME=VALUES，例如 dense_1.units=32,64,128 或 lr=1e-4..1e-2:log</translation>
        </message>
        <message>
            <source>--param {spec!r}: {name!r} is not a setting or NODE.PARAM name</source>
            <extracomment>engine: studio/search_space.py</extracomment>
            <translation>--param {spec!r}：{name!r} 既不是训练设置，也不是 NODE.PARAM 形式的名称</translation>
        </message>
        <message>
            <source>The project has no node {node!r} (its nodes: {known})</source>
            <extracomment>engine: studio/search_space.py</extracomment>
            <translation>项目中没有节点 {node!r}（它的节点有：{known}）</translation>
        </message>
        <message>
            <source>{node} ({layer}) has no parameter {param!r} (its parameters: {known})</source>
            <extracomment>engine: studio/search_space.py</extracomment>
            <translation>{node}（{layer}）没有参数 {param!r}（它的参数有：{known}）</translation>
        </message>
        <message>
            <source>{node}: the Input cannot be searched: the data set is loaded once for all trials</source>
            <extracomment>engine: studio/search_space.py</extracomment>
            <translation>{node}：Input 不能搜索：数据集只为所有试验加载一次</translation>
        </message>
        <message>
            <source>{name}: this kind of parameter cannot be searched (numbers, choices and true/false can)</source>
            <extracomment>engine: studio/search_space.py</extracomment>
            <translation>{name}：这类参数不能搜索（数值、选项和 true/false 可以）</translation>
        </message>
        <message>
            <source>{name}: a value in the list is empty</source>
            <extracomment>engine: studio/search_space.py</extracomment>
            <translation>{name}：列表中有一个值为空</translation>
        </message>
        <message>
            <source>{name}: {value!r} is not true or false</source>
            <extracomment>engine: studio/search_space.py</extracomment>
            <translation>{name}：{value!r} 不是 true 或 false</translation>
        </message>
        <message>
            <source>{name}: {value!r} is not a number</source>
            <extracomment>engine: studio/search_space.py</extracomment>
            <translation>{name}：{value!r} 不是数字</translation>
        </message>
        <message>
            <source>{name} takes a list of values (e.g. {example}), not a range</source>
            <extracomment>engine: studio/search_space.py</extracomment>
            <translation>{name} 需要一个值列表（例如 {example}），而不是范围</translation>
        </message>
        <message>
            <source>{name}: {scale!r} is not a scale; write LOW..HIGH or LOW..HIGH:log</source>
            <extracomment>engine: studio/search_space.py</extracomment>
            <translation>{name}：{scale!r} 不是有效的刻度；请写成 LOW..HIGH 或 LOW..HIGH:log</translation>
        </message>
        <message>
            <source>{name}: a range goes from low to high, not {low} .. {high}</source>
            <extracomment>engine: studio/search_space.py</extracomment>
            <translation>{name}：范围应从小到大，而不是 {low} .. {high}</translation>
        </message>
        <message>
            <source>{name}: a log range needs values above 0, not {low} .. {high}</source>
            <extracomment>engine: studio/search_space.py</extracomment>
            <translation>{name}：对数范围需要大于 0 的值，而不是 {low} .. {high}</translation>
        </message>
        <message>
            <source>{name!r} is not a setting or NODE.PARAM name</source>
            <extracomment>engine: studio/search_space.py</extracomment>
            <translation>{name!r} 不是设置名，也不是 NODE.PARAM 形式的名称</translation>
        </message>
        <message>
            <source>{name} is given twice; give it once</source>
            <extracomment>engine: studio/search_space.py</extracomment>
            <translation>{name} 给出了两次；请只给一次</translation>
        </message>
        <message>
            <source>There is no training setting {name!r} to search (settings: {known}; for a layer's parameter write NODE.PARAM, e.g. dense_1.units)</source>
            <extracomment>engine: studio/search_space.py</extracomment>
            <translation>没有可搜索的训练设置 {name!r}（训练设置有：{known}；层的参数请写成 NODE.PARAM，例如 dense_1.units）</translation>
        </message>
        <message>
            <source>{name}: {value!r} is not a whole number</source>
            <extracomment>engine: studio/search_space.py</extracomment>
            <translation>{name}：{value!r} 不是整数</translation>
        </message>
        <message>
            <source>A grid search takes lists of values; {name} is a range. Give its values (e.g. {example}), or search with the random or TPE sampler</source>
            <extracomment>engine: studio/search_space.py</extracomment>
            <translation>网格搜索需要值列表，而 {name} 是一个范围。请给出它的各个值（例如 {example}），或使用随机或 TPE 采样器搜索</translation>
        </message>
        <message>
            <source>{name}: {error}</source>
            <extracomment>engine: studio/search_space.py</extracomment>
            <translation>{name}：{error}</translation>
        </message>
        <message>
            <source>Device must be auto, cpu, cuda, cuda:N or mps; not {value!r}</source>
            <extracomment>engine: studio/settings.py</extracomment>
            <translation>设备必须是 auto、cpu、cuda、cuda:N 或 mps，而不是 {value!r}</translation>
        </message>
        <message>
            <source>this {activation} reaches the {loss} loss of {output}, which applies {activation} itself: the loss can never get near 0. Delete it, or move it right before {output}, feeding nothing else</source>
            <extracomment>engine: studio/shapes.py</extracomment>
            <translation>这个 {activation} 的结果会进入 {output} 的 {loss} 损失，而该损失自己会做 {activation}：损失永远无法接近 0。请删除它，或把它移到紧挨 {output} 之前，且不再连向其他层</translation>
        </message>
        <message>
            <source>is part of a loop ({loop}); a model must flow one way: remove one of these connections</source>
            <extracomment>engine: studio/shapes.py</extracomment>
            <translation>处在一个环路中（{loop}）；模型中的数据必须单向流动：请删除其中一条连接</translation>
        </message>
        <message>
            <source>its {activation} reaches the {loss} loss of {output}, which applies {activation} itself: the loss can never get near 0. Set its activation to linear, or put a {layer} layer right before {output} instead</source>
            <extracomment>engine: studio/shapes.py</extracomment>
            <translation>它的 {activation} 会进入 {output} 的 {loss} 损失，而该损失自己会做 {activation}：损失永远无法接近 0。请把它的 activation 设为 linear，或改为在紧挨 {output} 之前放一个 {layer} 层</translation>
        </message>
        <message>
            <source>The model is empty: add an Input layer to start</source>
            <extracomment>engine: studio/shapes.py</extracomment>
            <translation>模型是空的：请先添加一个 Input 层</translation>
        </message>
        <message>
            <source>The model has no Input layer: add one and connect it to the first layer</source>
            <extracomment>engine: studio/shapes.py</extracomment>
            <translation>模型没有 Input 层：请添加一个，并把它连到第一层</translation>
        </message>
        <message>
            <source>its softmax feeds {layer}, the last layer before {output}: the class scores are then computed from probabilities, which learns poorly. If the softmax was meant to end the model, move it to {layer} (training leaves it to the cross_entropy loss); otherwise use relu here</source>
            <extracomment>engine: studio/shapes.py</extracomment>
            <translation>它的 softmax 输出送入 {layer}，即 {output} 之前的最后一层：这样类别分数是从概率算出来的，学习效果很差。如果这个 softmax 本意是作为模型的结尾，请把它移到 {layer}（训练时会交给 cross_entropy 损失来做）；否则这里请用 relu</translation>
        </message>
        <message>
            <source>its input is not connected; connect a layer to it or delete this node</source>
            <extracomment>engine: studio/shapes.py</extracomment>
            <translation>它的输入没有连接；请连接一层，或删除这个节点</translation>
        </message>
        <message>
            <source>its output is not used: connect it onward or to an Output</source>
            <extracomment>engine: studio/shapes.py</extracomment>
            <translation>它的输出没有被使用：请把它连到下一层或 Output</translation>
        </message>
        <message>
            <source>its weights are random (weights none) and frozen, so they never learn: choose pretrained weights, or set freeze to none</source>
            <extracomment>engine: studio/shapes.py</extracomment>
            <translation>它的权重是随机的（weights 为 none）并且被冻结了，所以永远不会学习：请选择预训练权重，或把 freeze 设为 none</translation>
        </message>
        <message>
            <source>input {port} is not connected; connect a layer to it or delete this node</source>
            <extracomment>engine: studio/shapes.py</extracomment>
            <translation>输入 {port} 没有连接；请连接一层，或删除这个节点</translation>
        </message>
        <message>
            <source>{name} is not a valid class name</source>
            <extracomment>engine: studio/source.py</extracomment>
            <translation>{name} 不是有效的类名</translation>
        </message>
        <message>
            <source>The model's class cannot be called {name}: a layer class of that name is written into the same file. Rename the project.</source>
            <extracomment>engine: studio/source.py</extracomment>
            <translation>模型的类不能命名为 {name}：同一个文件中已写有同名的层类。请重命名项目。</translation>
        </message>
        <message>
            <source>The layer id {node} cannot be written as Python source: an id is lowercase letters, digits and underscores, starts with a letter, and is neither a Python keyword nor a name that PyTorch modules use. Rename the layer.</source>
            <extracomment>engine: studio/source.py</extracomment>
            <translation>层 id {node} 无法写成 Python 源代码：id 由小写字母、数字和下划线组成，以字母开头，且不能是 Python 关键字或 PyTorch 模块使用的名称。请重命名该层。</translation>
        </message>
        <message>
            <source>trainable: {trainable}, frozen: {frozen}</source>
            <extracomment>engine: studio/summary.py</extracomment>
            <translation>可训练：{trainable}，冻结：{frozen}</translation>
        </message>
        <message>
            <source>Total parameters: {count}</source>
            <extracomment>engine: studio/summary.py</extracomment>
            <translation>参数总数：{count}</translation>
        </message>
        <message>
            <source>Memory: {weights} of weights, {activations} of activations per sample; training with batch {batch} needs about {training}</source>
            <extracomment>engine: studio/summary.py</extracomment>
            <translation>内存：权重 {weights}，每个样本的激活值 {activations}；以批量大小 {batch} 训练约需 {training}</translation>
        </message>
        <message>
            <source>(Keras: {count})</source>
            <extracomment>engine: studio/summary.py</extracomment>
            <translation>（Keras：{count}）</translation>
        </message>
        <message>
            <source>(frozen: {count})</source>
            <extracomment>engine: studio/summary.py</extracomment>
            <translation>（冻结：{count}）</translation>
        </message>
        <message>
            <source>(Keras' model.summary(): {count})</source>
            <extracomment>engine: studio/summary.py</extracomment>
            <translation>（Keras 的 model.summary()：{count}）</translation>
        </message>
        <message>
            <source>FLOPs per sample: {short} ({count})</source>
            <extracomment>engine: studio/summary.py</extracomment>
            <translation>每个样本的 FLOPs：{short}（{count}）</translation>
        </message>
        <message>
            <source>(this machine has {size})</source>
            <extracomment>engine: studio/summary.py</extracomment>
            <translation>（本机有 {size}）</translation>
        </message>
        <message>
            <source>{node}: {warning}</source>
            <extracomment>engine: studio/supervised.py</extracomment>
            <translation>{node}：{warning}</translation>
        </message>
        <message>
            <source>To train, the model needs exactly one Output layer (it says which loss to use); this one has {count}</source>
            <extracomment>engine: studio/supervised.py</extracomment>
            <translation>训练需要模型恰好有一个 Output 层（由它指定损失函数）；这个模型有 {count} 个</translation>
        </message>
        <message>
            <source>The model does not fit together yet:
{problems}</source>
            <extracomment>engine: studio/supervised.py</extracomment>
            <translation>模型的各层还不匹配：
{problems}</translation>
        </message>
        <message>
            <source>A validation split of {fraction:g} leaves no data on one side ({n} training samples); choose a value between {low:.3f} and {high:.3f}</source>
            <extracomment>engine: studio/supervised.py</extracomment>
            <translation>验证集比例 {fraction:g} 会使其中一边没有数据（共 {n} 个训练样本）；请选择 {low:.3f} 到 {high:.3f} 之间的值</translation>
        </message>
        <message>
            <source>Training on {used:,} of the {available:,} training samples (the Training samples setting).</source>
            <extracomment>engine: studio/supervised.py</extracomment>
            <translation>只用 {available:,} 个训练样本中的 {used:,} 个训练（“训练样本数”设置）。</translation>
        </message>
        <message>
            <source>Unknown optimizer {name!r}</source>
            <extracomment>engine: studio/training.py</extracomment>
            <translation>未知的优化器 {name!r}</translation>
        </message>
        <message>
            <source>The loss became NaN (not a number) in epoch {epoch}, batch {batch}: the training diverged. Lower the learning rate (now {lr:g}, try {lower:g}), or check the data for missing values. The last checkpoint was kept.</source>
            <extracomment>engine: studio/training.py</extracomment>
            <translation>第 {epoch} 轮第 {batch} 批时损失变成了 NaN（非数值）：训练发散了。请降低学习率（当前为 {lr:g}，可以试试 {lower:g}），或检查数据中是否有缺失值。最近的检查点已保留。</translation>
        </message>
        <message>
            <source>Resumed after epoch {epoch}.</source>
            <extracomment>engine: studio/training.py</extracomment>
            <translation>从第 {epoch} 轮之后继续。</translation>
        </message>
        <message>
            <source>Paused.</source>
            <extracomment>engine: studio/training.py</extracomment>
            <translation>已暂停。</translation>
        </message>
        <message>
            <source>The GPU ran out of memory; lower the batch size or make the model smaller</source>
            <extracomment>engine: studio/training.py</extracomment>
            <translation>GPU 内存不足；请减小批量大小或缩小模型</translation>
        </message>
        <message>
            <source>{folder} has no checkpoint yet (the run ended during its first epoch): training starts from the first epoch.</source>
            <extracomment>engine: studio/training.py</extracomment>
            <translation>{folder} 中还没有检查点（这次运行在第一轮中就结束了）：训练将从第一轮开始。</translation>
        </message>
        <message>
            <source>{path} is the checkpoint of another kind of model; start a new run</source>
            <extracomment>engine: studio/training.py</extracomment>
            <translation>{path} 是另一种模型的检查点；请开始一次新的运行</translation>
        </message>
        <message>
            <source>The optimizer changed since the checkpoint: it starts afresh.</source>
            <extracomment>engine: studio/training.py</extracomment>
            <translation>保存检查点之后优化器有改动：优化器将重新开始。</translation>
        </message>
        <message>
            <source>{path} is damaged: its optimizer state does not fit</source>
            <extracomment>engine: studio/training.py</extracomment>
            <translation>{path} 已损坏：它的优化器状态不匹配</translation>
        </message>
        <message>
            <source>Resumed.</source>
            <extracomment>engine: studio/training.py</extracomment>
            <translation>已继续。</translation>
        </message>
        <message>
            <source>Stopped during epoch {epoch}.</source>
            <extracomment>engine: studio/training.py</extracomment>
            <translation>在第 {epoch} 轮中停止。</translation>
        </message>
        <message>
            <source>Stopped early after epoch {epoch}: no improvement for {patience} epochs; keeping the best weights.</source>
            <extracomment>engine: studio/training.py</extracomment>
            <translation>在第 {epoch} 轮后提前停止：已连续 {patience} 轮没有改进；保留最好的权重。</translation>
        </message>
        <message>
            <source>The checkpoint does not match this model (its layers changed since); start a new run</source>
            <extracomment>engine: studio/training.py</extracomment>
            <translation>检查点与这个模型不匹配（之后它的层有改动）；请开始一次新的运行</translation>
        </message>
        <message>
            <source>{path} is damaged: its random number state cannot be restored</source>
            <extracomment>engine: studio/training.py</extracomment>
            <translation>{path} 已损坏：无法恢复它的随机数状态</translation>
        </message>
        <message>
            <source>{path} is damaged: its optimizer state does not fit this model</source>
            <extracomment>engine: studio/training.py</extracomment>
            <translation>{path} 已损坏：它的优化器状态与这个模型不匹配</translation>
        </message>
        <message>
            <source>Interrupted.</source>
            <extracomment>engine: studio/training.py</extracomment>
            <translation>已中断。</translation>
        </message>
        <message>
            <source>The data set {name} is not known.</source>
            <extracomment>engine: studio/transfer_demo.py</extracomment>
            <translation>未知的数据集 {name}。</translation>
        </message>
        <message>
            <source>Neither {title} nor a stand-in for it is on this machine.</source>
            <extracomment>engine: studio/transfer_demo.py</extracomment>
            <translation>本机既没有 {title}，也没有它的替代数据集。</translation>
        </message>
        <message>
            <source>{name} is not on this machine.</source>
            <extracomment>engine: studio/transfer_demo.py</extracomment>
            <translation>本机没有 {name}。</translation>
        </message>
        <message>
            <source>The frozen backbone's features would take {size}, more than the {limit} kept in memory: the whole model runs every epoch.</source>
            <extracomment>engine: studio/feature_cache.py</extracomment>
            <translation type="vanished">冻结骨干网络的特征会占用 {size}，超过了内存中最多保留的 {limit}：每一轮都会运行整个模型。</translation>
        </message>
        <message>
            <source>A grid search takes lists of values; {name} is a range. Give its values (e.g. {example}), or use --sampler random or tpe</source>
            <extracomment>engine: studio/search_space.py</extracomment>
            <translation type="vanished">网格搜索需要值列表，而 {name} 是一个范围。请给出它的各个值（例如 {example}），或使用 --sampler random 或 tpe</translation>
        </message>
        <message>
            <source>Imported from the Keras code in {source} (model {model}).</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation type="vanished">从 {source} 中的 Keras 代码导入（模型 {model}）。</translation>
        </message>
        <message>
            <source>only 1D and 2D convolutions have a layer</source>
            <extracomment>engine: studio/importers/onnx_layers.py</extracomment>
            <translation type="vanished">只有一维和二维卷积有对应的层</translation>
        </message>
        <message>
            <source>a padding {pads} of the batch or channels has no layer</source>
            <extracomment>engine: studio/importers/onnx_layers.py</extracomment>
            <translation type="vanished">对批量维度或通道做的填充 {pads} 没有对应的层</translation>
        </message>
        <message>
            <source>only 1D and 2D pooling have a layer</source>
            <extracomment>engine: studio/importers/onnx_layers.py</extracomment>
            <translation type="vanished">只有一维和二维池化有对应的层</translation>
        </message>
        <message>
            <source>{text} depends on how the code is started.</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation type="vanished">{text} 取决于代码的启动方式。</translation>
        </message>
        <message>
            <source>{what}: Keras' pretrained models (keras.applications) are not imported; NetStudio's own pretrained blocks are in the palette (Pretrained)</source>
            <extracomment>engine: studio/importers/keras_reader.py</extracomment>
            <translation type="vanished">{what}：不导入 Keras 的预训练模型（keras.applications）；NetStudio 自己的预训练模块在“层”面板的“预训练模型”分类中</translation>
        </message>
        <message>
            <source>Line {line}: {cls} is a custom layer, defined in the code itself; NetStudio cannot import what its code computes. Replace it with built-in Keras layers</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation type="vanished">第 {line} 行：{cls} 是在代码中自定义的层；NetStudio 无法导入它的代码所做的计算。请用 Keras 内置层替换它</translation>
        </message>
        <message>
            <source>Line {line}: Model(inputs, outputs) must name the Input tensors and the tensors the model ends in, as variables of the code</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation type="vanished">第 {line} 行：Model(inputs, outputs) 必须以代码中的变量给出 Input 张量和模型最终输出的张量</translation>
        </message>
        <message>
            <source>{cls} is a layer class of this file; NetStudio cannot know what its code computes (and never runs it)</source>
            <extracomment>engine: studio/importers/keras_code.py</extracomment>
            <translation type="vanished">{cls} 是这个文件中定义的层类；NetStudio 无法知道它的代码计算什么（也从不运行它）</translation>
        </message>
        <message>
            <source>Wrote {path} ({count} layers) from {source}.</source>
            <extracomment>engine: studio/cli.py</extracomment>
            <translation type="vanished">已根据 {source} 写出 {path}（{count} 层）。</translation>
        </message>
        <message>
            <source>they have not been downloaded yet</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation type="vanished">还没有下载过</translation>
        </message>
        <message>
            <source>The pretrained weights {file} ({arch}, {weights}) are missing: {why}. Download {url} and put it into {folder}, or set the backbone's weights to "none" to train it from scratch.</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation type="vanished">缺少预训练权重 {file}（{arch}，{weights}）：{why}。请下载 {url} 并放到 {folder}，或把骨干网络的 weights 设为“none”，从头开始训练。</translation>
        </message>
        <message>
            <source>it could not be downloaded: {why}</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation type="vanished">无法下载：{why}</translation>
        </message>
        <message>
            <source>it is not in the cache and has not been downloaded</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation type="vanished">缓存中没有，也还没有下载</translation>
        </message>
        <message>
            <source>the downloaded file is damaged or not the one published (its SHA-256 begins {got}, its name says {expected}); it was deleted</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation type="vanished">下载的文件已损坏或不是发布的那个文件（它的 SHA-256 以 {got} 开头，而文件名表明应为 {expected}）；已将其删除</translation>
        </message>
        <message>
            <source>its folder cannot be created ({reason})</source>
            <extracomment>engine: studio/pretrained_weights.py</extracomment>
            <translation type="vanished">无法创建它所在的文件夹（{reason}）</translation>
        </message>
        <message>
            <source>Normalization {node}: adapted to {samples:,} training samples ({features} features, means {mean_low:.4g} to {mean_high:.4g}, standard deviations {std_low:.4g} to {std_high:.4g}).</source>
            <extracomment>engine: studio/adapt.py</extracomment>
            <translation type="vanished">Normalization {node}：已用 {samples:,} 个训练样本完成适配（adapt）：{features} 个特征，均值 {mean_low:.4g} 到 {mean_high:.4g}，标准差 {std_low:.4g} 到 {std_high:.4g}。</translation>
        </message>
        <message>
            <source>Normalization {node}: adapted to {samples:,} training samples (mean {mean:.4g}, standard deviation {std:.4g}).</source>
            <extracomment>engine: studio/adapt.py</extracomment>
            <translation type="vanished">Normalization {node}：已用 {samples:,} 个训练样本完成适配（adapt），均值 {mean:.4g}，标准差 {std:.4g}。</translation>
        </message>
        <message>
            <source>{w}×{h} pixels, not {ew}×{eh} as the others</source>
            <extracomment>engine: studio/data/folder.py</extracomment>
            <translation type="vanished">{w}×{h} 像素，而不是与其他图像相同的 {ew}×{eh}</translation>
        </message>
        <message>
            <source>The images differ in size: {first} is {w}×{h} pixels but {other} is {ow}×{oh} ({count:,} of {total:,} images differ from {w}×{h}). All images must have the same size; resize them first (for example all to 64×64).</source>
            <extracomment>engine: studio/data/folder_scan.py</extracomment>
            <translation type="vanished">图像大小不一致：{first} 是 {w}×{h} 像素，而 {other} 是 {ow}×{oh}（{total:,} 张图像中有 {count:,} 张不是 {w}×{h}）。所有图像必须大小相同；请先调整它们的大小（例如全部调整为 64×64）。</translation>
        </message>
        <message>
            <source>Add needs inputs of the same shape, but {shapes}; make the branches agree (same filters and pooling, or a 1×1 Conv2D on the shortcut)</source>
            <extracomment>engine: studio/layers/merge.py</extracomment>
            <translation type="vanished">Add 需要形状相同的输入，但{shapes}；请让各分支一致（相同的滤波器数和池化，或在捷径上加一个 1×1 Conv2D）</translation>
        </message>
        <message>
            <source>use Conv2D for images, or Reshape to time×features</source>
            <extracomment>engine: studio/layers/conv.py</extracomment>
            <translation type="vanished">图像请用 Conv2D，或先 Reshape 为 时间×特征</translation>
        </message>
        <message>
            <source>{layer} can pad to the 'same' size only with strides 1; set strides to 1 or padding to 'valid'</source>
            <extracomment>engine: studio/layers/conv.py</extracomment>
            <translation type="vanished">{layer} 只有在步长为 1 时才能填充到 'same' 大小；请把步长设为 1，或把填充设为 'valid'</translation>
        </message>
        <message>
            <source>use GlobalAveragePooling for sequences</source>
            <extracomment>engine: studio/layers/conv.py</extracomment>
            <translation type="vanished">序列请使用 GlobalAveragePooling</translation>
        </message>
        <message>
            <source>There is no checkpoint {path}</source>
            <extracomment>engine: studio/runs/storage.py</extracomment>
            <translation type="vanished">检查点 {path} 不存在</translation>
        </message>
        <message>
            <source>{path} was refused: it contains Python objects, not only weights, and NetStudio never runs code from a file. Use a checkpoint written by NetStudio.</source>
            <extracomment>engine: studio/runs/storage.py</extracomment>
            <translation type="vanished">已拒绝 {path}：它包含 Python 对象，而不只是权重，而 NetStudio 从不运行文件中的代码。请使用 NetStudio 写出的检查点。</translation>
        </message>
        <message>
            <source>{path} is damaged or not a PyTorch checkpoint</source>
            <extracomment>engine: studio/runs/storage.py</extracomment>
            <translation type="vanished">{path} 已损坏或不是 PyTorch 检查点</translation>
        </message>
        <message>
            <source>{path} holds a damaged project description</source>
            <extracomment>engine: studio/runs/storage.py</extracomment>
            <translation type="vanished">{path} 中的项目描述已损坏</translation>
        </message>
        <message>
            <source>The images differ in size: {first} is {w}×{h} pixels but {other} is {ow}×{oh}. All images must have the same size; resize them first (for example all to 64×64).</source>
            <extracomment>engine: studio/data/folder.py</extracomment>
            <translation type="vanished">图像大小不一致：{first} 是 {w}×{h} 像素，而 {other} 是 {ow}×{oh}。所有图像必须大小相同；请先调整它们的大小（例如全部调整为 64×64）。</translation>
        </message>
        <message>
            <source>{file} could not be read as an image ({error}). Remove it or replace it.</source>
            <extracomment>engine: studio/data/folder.py</extracomment>
            <translation type="vanished">{file} 无法作为图像读取（{error}）。请删除或替换它。</translation>
        </message>
        <message>
            <source>{file} could not be decoded ({error}). Remove it or replace it.</source>
            <extracomment>engine: studio/data/folder.py</extracomment>
            <translation type="vanished">{file} 无法解码（{error}）。请删除或替换它。</translation>
        </message>
        <message>
            <source>{path} is not a UTF-8 text file. Save it as CSV (UTF-8) and try again.</source>
            <extracomment>engine: studio/data/tabular.py</extracomment>
            <translation type="vanished">{path} 不是 UTF-8 文本文件。请另存为 CSV（UTF-8）后重试。</translation>
        </message>
        <message>
            <source>A loss became NaN (not a number) in epoch {epoch}, batch {batch}: the training diverged. Lower the learning rate (now {lr:g}, try {lower:g}).</source>
            <extracomment>engine: studio/gan.py</extracomment>
            <translation type="vanished">第 {epoch} 轮第 {batch} 批时损失变成了 NaN（非数值）：训练发散了。请降低学习率（当前为 {lr:g}，可以试试 {lower:g}）。</translation>
        </message>
        <message>
            <source>There is no GAN checkpoint to resume from: the run stopped before its first epoch ended; start it again without --resume</source>
            <extracomment>engine: studio/gan.py</extracomment>
            <translation type="vanished">没有可以继续的 GAN 检查点：这次运行在第一轮结束前就停止了；请不带 --resume 重新开始</translation>
        </message>
        <message>
            <source>{path} is not the checkpoint of a GAN run; start a new run</source>
            <extracomment>engine: studio/gan.py</extracomment>
            <translation type="vanished">{path} 不是 GAN 运行的检查点；请开始一次新的运行</translation>
        </message>
        <message>
            <source>The checkpoint does not match this GAN (its layers changed since); start a new run</source>
            <extracomment>engine: studio/gan.py</extracomment>
            <translation type="vanished">检查点与这个 GAN 不匹配（之后它的层有改动）；请开始一次新的运行</translation>
        </message>
        <message>
            <source>{path} is not a text file, so not a NetStudio project</source>
            <extracomment>engine: studio/project.py</extracomment>
            <translation type="vanished">{path} 不是文本文件，所以不是 NetStudio 项目</translation>
        </message>
        <message>
            <source>This project is a GAN (its Output judges real or fake): it trains with the GAN trainer, which `netstudio train` picks by itself</source>
            <extracomment>engine: studio/training.py</extracomment>
            <translation type="vanished">这个项目是 GAN（它的 Output 判断真假）：需要用 GAN 训练器训练，`netstudio train` 会自动选择</translation>
        </message>
        <message>
            <source>{folder} has no checkpoint to resume from: the run stopped before its first epoch ended; start it again without --resume</source>
            <extracomment>engine: studio/training.py</extracomment>
            <translation type="vanished">{folder} 中没有可以继续的检查点：这次运行在第一轮结束前就停止了；请不带 --resume 重新开始</translation>
        </message>
    </context>
    <context>
        <name>jobs</name>
        <message>
            <location filename="../../widgets/training/jobs.py" />
            <source>It failed unexpectedly: %1</source>
            <translation>意外失败：%1</translation>
        </message>
    </context>
    <context>
        <name>layer_help</name>
        <message>
            <source>Where data enters the model. It fixes the shape of one sample (the batch size is added automatically), and every shape after it is computed from this one.</source>
            <extracomment>engine: help card</extracomment>
            <translation>数据进入模型的地方。它确定单个样本的形状（批量维度会自动加上），之后每一层的形状都由它推算出来。</translation>
        </message>
        <message>
            <source>Every model starts with one, or one per kind of data. Set its shape to match your data set.</source>
            <extracomment>engine: help card</extracomment>
            <translation>每个模型都从一个 Input 开始，或者每种数据一个。把它的形状设成与数据集一致。</translation>
        </message>
        <message>
            <source>Writing an image's shape channels-last as in Keras (28×28×1). NetStudio is channels-first like PyTorch: use 1×28×28, or 3×32×32 for colour images.</source>
            <extracomment>engine: help card</extracomment>
            <translation>像 Keras 那样把图像形状写成通道在后（28×28×1）。NetStudio 与 PyTorch 一样通道在前：请用 1×28×28，彩色图像用 3×32×32。</translation>
        </message>
        <message>
            <source>One sample's shape without the batch: channels×height×width for images (1×28×28 for MNIST), time steps×features for sequences, features for a row of a table.</source>
            <extracomment>engine: help card</extracomment>
            <translation>单个样本的形状，不含批量维度：图像为 通道×高×宽（MNIST 为 1×28×28），序列为 时间步×特征，表格的一行为特征数。</translation>
        </message>
        <message>
            <source>float32 for pixels and measurements; int64 for token ids that go into an Embedding.</source>
            <extracomment>engine: help card</extracomment>
            <translation>像素和测量值用 float32；要送入 Embedding 的词元 id 用 int64。</translation>
        </message>
        <message>
            <source>The end of the model. It passes its input on unchanged and says which loss training makes smaller and what the model's output is compared with.</source>
            <extracomment>engine: help card</extracomment>
            <translation>模型的终点。它把输入原样传出，并指定训练要减小哪个损失，以及模型的输出要和什么比较。</translation>
        </message>
        <message>
            <source>Every model ends in one. Choose the loss that fits the task: cross_entropy to pick one class, mse to predict numbers.</source>
            <extracomment>engine: help card</extracomment>
            <translation>每个模型都以一个 Output 结尾。选择与任务相符的损失函数：从多个类别中选一个用 cross_entropy，预测数值用 mse。</translation>
        </message>
        <message>
            <source>Ending a classifier with a Dense whose units differ from the number of classes. The last Dense needs one unit per class: 10 for the ten digits of MNIST.</source>
            <extracomment>engine: help card</extracomment>
            <translation>分类模型最后一个 Dense 的单元数与类别数不一致。最后的 Dense 需要每个类别一个单元：MNIST 的十个数字就是 10。</translation>
        </message>
        <message>
            <source>How wrong the model is, the number that training makes smaller: cross_entropy to pick one class out of several, binary_cross_entropy for yes/no or several labels at once, mse (mean squared error) for numbers and reconstructions.</source>
            <extracomment>engine: help card</extracomment>
            <translation>衡量模型错得有多离谱，也就是训练要减小的那个数：从多个类别中选一个用 cross_entropy，是/否问题或同时有多个标签用 binary_cross_entropy，数值和重建用 mse（均方误差）。</translation>
        </message>
        <message>
            <source>What the output is compared with: labels, the answers of the data set; input, the input itself, to train an autoencoder to reproduce it; or real_or_fake, for the discriminator of a GAN, whether a sample is real data or was drawn by the generator before it.</source>
            <extracomment>engine: help card</extracomment>
            <translation>输出要和什么比较：labels，数据集给出的答案；input，输入本身，用来训练自编码器重现输入；real_or_fake，用于 GAN 的判别器，判断样本是真实数据还是由前面的生成器画出来的。</translation>
        </message>
        <message>
            <source>A fully connected layer: each of its neurons computes a weighted sum of all input values plus an offset, then applies the activation. It is the building block of a multilayer perceptron (MLP).</source>
            <extracomment>engine: help card</extracomment>
            <translation>全连接层：每个神经元计算所有输入值的加权和再加上一个偏移量，然后应用激活函数。它是多层感知机（MLP）的基本构件。</translation>
        </message>
        <message>
            <source>For table-like data, and as the last layers of almost every classifier, after Flatten or global pooling.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用于表格类数据，以及几乎所有分类模型的最后几层，放在 Flatten 或全局池化之后。</translation>
        </message>
        <message>
            <source>Feeding it an image (such as 32×13×13) directly: Dense expects a flat vector. Insert a Flatten, or a GlobalAveragePooling, before it.</source>
            <extracomment>engine: help card</extracomment>
            <translation>直接把图像（例如 32×13×13）送进来：Dense 需要扁平的向量。请在它之前插入 Flatten 或 GlobalAveragePooling。</translation>
        </message>
        <message>
            <source>How many neurons, which is how many numbers come out. The last Dense of a classifier needs one per class (10 for MNIST).</source>
            <extracomment>engine: help card</extracomment>
            <translation>神经元的个数，也就是输出多少个数。分类模型最后一个 Dense 需要每个类别一个（MNIST 为 10）。</translation>
        </message>
        <message>
            <source>The function applied to every output value: relu in hidden layers, softmax on the last layer of a classifier, linear (none) to keep the raw numbers. The same as Keras' activation argument, with one difference: leaky_relu here lets 0.01·x through (PyTorch's slope), Keras' string 0.2; for another slope, add a LeakyReLU layer after it.</source>
            <extracomment>engine: help card</extracomment>
            <translation>作用于每个输出值的函数：隐藏层用 relu，分类模型最后一层用 softmax，linear（无）保留原始数值。与 Keras 的 activation 参数相同，只有一处不同：这里的 leaky_relu 让 0.01·x 通过（PyTorch 的斜率），而 Keras 中用字符串指定时为 0.2；需要别的斜率时，在它之后加一个 LeakyReLU 层。</translation>
        </message>
        <message>
            <source>Adds one learned offset to each neuron's sum (the + 1 in the parameter count). Leave it on, unless a BatchNorm follows, which brings its own offset.</source>
            <extracomment>engine: help card</extracomment>
            <translation>给每个神经元的加权和加上一个学习得到的偏移量（参数个数公式中的 + 1）。一般保持开启，除非后面接 BatchNorm，它自带偏移量。</translation>
        </message>
        <message>
            <source>Lays all values of an image or a sequence out in one long vector, without changing them. It has no weights.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把图像或序列的所有数值排成一个长向量，数值本身不变。它没有权重。</translation>
        </message>
        <message>
            <source>Between the convolution and pooling part of a CNN and its Dense layers.</source>
            <extracomment>engine: help card</extracomment>
            <translation>放在 CNN 的卷积、池化部分与 Dense 层之间。</translation>
        </message>
        <message>
            <source>Flattening large feature maps straight into a big Dense: 64×26×26 is 43,264 values, and a Dense(128) after it has 5.5 million weights. Pool first, or use GlobalAveragePooling instead.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把很大的特征图直接展平后接一个大的 Dense：64×26×26 就是 43,264 个值，后面接一个 Dense(128) 就有 550 万个权重。请先池化，或改用 GlobalAveragePooling。</translation>
        </message>
        <message>
            <source>Rearranges the same values into a new shape, such as a vector of 784 into a 1×28×28 image. Nothing is computed or learned.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把同样的数值重新排成新的形状，例如把长度为 784 的向量变成 1×28×28 的图像。不做任何计算，也不学习任何东西。</translation>
        </message>
        <message>
            <source>To give a flat vector an image shape (a generator's Dense output into 7×7 feature maps), or to read a 1×28×28 image as 28 time steps of 28 features for an LSTM.</source>
            <extracomment>engine: help card</extracomment>
            <translation>给扁平的向量一个图像形状（把生成器中 Dense 的输出变成 7×7 的特征图），或者把 1×28×28 的图像当作 28 个时间步、每步 28 个特征，交给 LSTM。</translation>
        </message>
        <message>
            <source>Choosing sizes whose product differs from the input's number of values: 784 cannot become 1×28×27. Multiply the sizes to check, or write −1 for one of them.</source>
            <extracomment>engine: help card</extracomment>
            <translation>选择的各维大小相乘不等于输入的数值个数：784 无法变成 1×28×27。请把各维相乘检查一下，或者把其中一维写成 −1。</translation>
        </message>
        <message>
            <source>The new shape without the batch. The sizes must multiply to the input's number of values; −1, once, means 'whatever size makes it fit'.</source>
            <extracomment>engine: help card</extracomment>
            <translation>新的形状，不含批量维度。各维大小相乘必须等于输入的数值个数；−1（只能出现一次）表示“能凑上的那个大小”。</translation>
        </message>
        <message>
            <source>During training, sets a random fraction of its input values to zero at every step, so that the network cannot rely on any single neuron. When evaluating and predicting it does nothing.</source>
            <extracomment>engine: help card</extracomment>
            <translation>训练时，每一步都把输入中随机的一部分数值置零，让网络无法依赖任何单个神经元。评估和预测时它什么也不做。</translation>
        </message>
        <message>
            <source>When the training accuracy pulls far ahead of the validation accuracy (overfitting), typically after large Dense layers.</source>
            <extracomment>engine: help card</extracomment>
            <translation>当训练准确率远远超过验证准确率（过拟合）时使用，通常放在较大的 Dense 层之后。</translation>
        </message>
        <message>
            <source>Setting the rate too high (0.8 or more): the network loses most of its signal and even the training accuracy stays low. Start with 0.2 to 0.5.</source>
            <extracomment>engine: help card</extracomment>
            <translation>比例设得太高（0.8 或更高）：网络丢掉了大部分信号，连训练准确率都上不去。可以从 0.2 到 0.5 开始。</translation>
        </message>
        <message>
            <source>Fraction of the values set to zero at each training step; 0.2 to 0.5 is usual. The others are scaled up by 1 / (1 − rate) so that the average stays the same.</source>
            <extracomment>engine: help card</extracomment>
            <translation>每个训练步骤中被置零的数值所占比例，通常为 0.2 到 0.5。其余数值乘以 1 / (1 − rate)，使平均值保持不变。</translation>
        </message>
        <message>
            <source>Replaces each token id (a whole number standing for a word or a symbol) by a vector learned during training. A list of ids becomes a sequence the next layers can read.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把每个词元 id（代表一个词或符号的整数）替换成一个在训练中学习得到的向量。一串 id 就变成了后续层可以读取的序列。</translation>
        </message>
        <message>
            <source>As the first layer after an int64 Input for text or other tokens, before an LSTM, GRU, Conv1D or Transformer encoder.</source>
            <extracomment>engine: help card</extracomment>
            <translation>作为文本或其他词元的第一层，放在 int64 的 Input 之后，LSTM、GRU、Conv1D 或 Transformer 编码器之前。</translation>
        </message>
        <message>
            <source>Connecting it to a float Input or to an image: it needs whole-number token ids. Set the Input's dtype to int64 and its shape to [sequence length], and make input_dim larger than the largest id.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把它接到浮点 Input 或图像上：它需要整数形式的词元 id。请把 Input 的 dtype 设为 int64，形状设为 [序列长度]，并让 input_dim 大于最大的 id。</translation>
        </message>
        <message>
            <source>Vocabulary size: how many different token ids there are (the largest id + 1).</source>
            <extracomment>engine: help card</extracomment>
            <translation>词表大小：一共有多少种不同的词元 id（最大 id + 1）。</translation>
        </message>
        <message>
            <source>Length of the vector learned for each token (D in the formula).</source>
            <extracomment>engine: help card</extracomment>
            <translation>为每个词元学习的向量长度（公式中的 D）。</translation>
        </message>
        <message>
            <source>Repeats its input vector n times, giving a sequence of n time steps that are all the same vector. It has no weights.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把输入向量重复 n 次，得到一个有 n 个时间步、每一步都是同一个向量的序列。它没有权重。</translation>
        </message>
        <message>
            <source>In a sequence-to-sequence autoencoder or a decoder: after an LSTM that sums up a sequence in one vector, to give the next LSTM one copy of it per output step.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用于序列到序列的自编码器或解码器：放在把整个序列概括成一个向量的 LSTM 之后，为下一个 LSTM 的每个输出步提供一份该向量的副本。</translation>
        </message>
        <message>
            <source>Feeding it a sequence or an image: it takes a vector. Put an LSTM with return_sequences off, a Flatten or a GlobalAveragePooling before it.</source>
            <extracomment>engine: help card</extracomment>
            <translation>给它输入序列或图像：它只接受向量。请在它之前放一个关闭了 return_sequences 的 LSTM、一个 Flatten 或一个 GlobalAveragePooling。</translation>
        </message>
        <message>
            <source>How many time steps the output has: the number of copies of the vector.</source>
            <extracomment>engine: help card</extracomment>
            <translation>输出有多少个时间步，也就是向量被复制的份数。</translation>
        </message>
        <message>
            <source>Reorders the axes of each sample without changing any value, like a transpose. dims [2, 1] turns time steps×features into features×time steps.</source>
            <extracomment>engine: help card</extracomment>
            <translation>重新排列每个样本的各个轴，不改变任何数值，类似转置。dims [2, 1] 把 时间步×特征 变成 特征×时间步。</translation>
        </message>
        <message>
            <source>To let a layer that works along the last axis work along another one, such as a Dense over the time steps instead of the features.</source>
            <extracomment>engine: help card</extracomment>
            <translation>让作用在最后一个轴上的层改为作用在另一个轴上，例如让 Dense 作用于时间步，而不是特征。</translation>
        </message>
        <message>
            <source>Counting the batch or starting at 0: the axes are numbered from 1, without the batch, as in Keras. NetStudio's images are channels×height×width, so Keras' dims for a channels-last image do not carry over unchanged.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把批量维度也算进去，或从 0 开始编号：与 Keras 一样，轴从 1 开始编号，不含批量维度。NetStudio 的图像是 通道×高×宽，所以 Keras 中针对通道在后图像的 dims 不能原样照搬。</translation>
        </message>
        <message>
            <source>The new order of the axes, numbered from 1 (the batch is not counted): the i-th output axis is input axis dims[i]. Each axis appears once: [2, 1] for a sequence, or [1, 3, 2] to swap an image's height and width.</source>
            <extracomment>engine: help card</extracomment>
            <translation>各轴的新顺序，从 1 开始编号（不计批量维度）：输出的第 i 个轴是输入的第 dims[i] 个轴。每个轴恰好出现一次：序列用 [2, 1]，交换图像的高和宽用 [1, 3, 2]。</translation>
        </message>
        <message>
            <source>Applies one Dense layer to every time step of a sequence: the same weights at each step, so T×F becomes T×units. It is Keras' TimeDistributed(Dense(units)) on a sequence.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把同一个 Dense 层应用到序列的每个时间步：每一步使用相同的权重，所以 T×F 变成 T×units。它相当于 Keras 中作用在序列上的 TimeDistributed(Dense(units))。</translation>
        </message>
        <message>
            <source>After an LSTM or GRU with return_sequences on, to give every step its own prediction, such as one label per word or a value per time step.</source>
            <extracomment>engine: help card</extracomment>
            <translation>放在打开了 return_sequences 的 LSTM 或 GRU 之后，为每一步给出各自的预测，例如每个词一个标签，或每个时间步一个数值。</translation>
        </message>
        <message>
            <source>Giving it an image: here it wraps only a Dense and takes a sequence (time steps×features). Keras' TimeDistributed around a Conv2D over a clip of images has no equal in it; Reshape a clip to time steps×features first.</source>
            <extracomment>engine: help card</extracomment>
            <translation>给它输入图像：这里它只包装一个 Dense，接受的是序列（时间步×特征）。Keras 中用 TimeDistributed 包装 Conv2D 来处理一段图像片段的用法，在这里没有对应；请先把片段 Reshape 为 时间步×特征。</translation>
        </message>
        <message>
            <source>One weight matrix shared by all steps: the count is Dense's, whatever the number of time steps.</source>
            <extracomment>engine: help card</extracomment>
            <translation>所有时间步共享一个权重矩阵：参数个数与 Dense 相同，与时间步数无关。</translation>
        </message>
        <message>
            <source>How many numbers come out at each time step: the Dense's neurons.</source>
            <extracomment>engine: help card</extracomment>
            <translation>每个时间步输出多少个数，也就是 Dense 的神经元个数。</translation>
        </message>
        <message>
            <source>The function applied to every output value: linear (none), relu, or softmax over the units of each step for one label per step. Its choices are Dense's.</source>
            <extracomment>engine: help card</extracomment>
            <translation>作用于每个输出值的函数：linear（无）、relu，或在每一步的各单元上做 softmax，为每一步给出一个标签。可选项与 Dense 相同。</translation>
        </message>
        <message>
            <source>Adds one learned offset to each neuron's sum (the + 1 in the parameter count), the same at every step.</source>
            <extracomment>engine: help card</extracomment>
            <translation>给每个神经元的加权和加上一个学习得到的偏移量（参数个数公式中的 + 1），每一步都相同。</translation>
        </message>
        <message>
            <source>Slides small windows of learned weights (filters) over the image. Each filter detects one local pattern, such as an edge or a curve, and outputs a feature map showing where that pattern appears.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用一个个由学习得到的权重组成的小窗口（滤波器）在图像上滑动。每个滤波器检测一种局部模式，例如边缘或弧线，并输出一张特征图，显示这种模式出现在哪里。</translation>
        </message>
        <message>
            <source>For images: stack a few Conv2D layers (with relu) and MaxPooling2D layers, as the guide's MNIST CNN does.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用于图像：像指南中的 MNIST 卷积神经网络那样，叠加几个 Conv2D 层（使用 relu）和 MaxPooling2D 层。</translation>
        </message>
        <message>
            <source>A kernel larger than its input, such as 3×3 after pooling has shrunk the image to 2×2: each 'valid' convolution takes k − 1 pixels off, so use padding 'same', a smaller kernel or less pooling. Feeding it a flat 784 vector is the other classic: Reshape it to 1×28×28 first.</source>
            <extracomment>engine: help card</extracomment>
            <translation>卷积核比输入还大，例如池化已把图像缩小到 2×2 之后再用 3×3 的卷积核：每次 'valid' 卷积都会去掉 k − 1 个像素，所以请使用 'same' 填充、更小的卷积核或更少的池化。另一个经典错误是直接送入扁平的 784 向量：请先 Reshape 为 1×28×28。</translation>
        </message>
        <message>
            <source>How many different patterns the layer learns: each filter gives one feature map, so this is the number of output channels. 32 or 64 are common; deeper layers usually have more.</source>
            <extracomment>engine: help card</extracomment>
            <translation>这一层学习多少种不同的模式：每个滤波器产生一张特征图，所以这就是输出通道数。常用 32 或 64；越深的层通常越多。</translation>
        </message>
        <message>
            <source>Size of the window that slides over the image (k in the formula): 3 means 3×3. A pair [height, width] gives a rectangle.</source>
            <extracomment>engine: help card</extracomment>
            <translation>在图像上滑动的窗口大小（公式中的 k）：3 表示 3×3。给出一对 [高, 宽] 则为长方形。</translation>
        </message>
        <message>
            <source>How far the window moves at each step (s in the formula). 1 visits every position; 2 skips every other one and roughly halves the height and width.</source>
            <extracomment>engine: help card</extracomment>
            <translation>窗口每一步移动多远（公式中的 s）。1 会经过每个位置；2 每隔一个位置跳过一个，高和宽大约减半。</translation>
        </message>
        <message>
            <source>valid: no border is added, so the height and width each shrink by k − 1 before the strides divide them. same: a border of zeros makes the output ⌈size / strides⌉, as in Keras: the same size with strides 1, half (rounded up) with strides 2. When the border cannot be split evenly, the extra row or column goes at the end, as TensorFlow does.</source>
            <extracomment>engine: help card</extracomment>
            <translation>valid：不加边框，所以高和宽先各减少 k − 1，再除以步长。same：用一圈零填充，使输出为 ⌈size / strides⌉，与 Keras 相同：步长为 1 时大小不变，步长为 2 时减半（向上取整）。边框无法平均分到两侧时，多出的一行或一列放在末尾，与 TensorFlow 的做法相同。</translation>
        </message>
        <message>
            <source>Gaps between the cells of the window (d): with 2, a 3×3 window covers 5×5 pixels and sees further with the same number of weights. Leave it at 1 unless you need a wider view.</source>
            <extracomment>engine: help card</extracomment>
            <translation>窗口各格之间的间隔（d）：为 2 时，3×3 的窗口覆盖 5×5 个像素，用同样多的权重看得更远。除非需要更大的视野，否则保持为 1。</translation>
        </message>
        <message>
            <source>Adds one learned offset to each feature map (the + 1 in the parameter count). Leave it on, unless a BatchNorm follows, which brings its own offset.</source>
            <extracomment>engine: help card</extracomment>
            <translation>给每张特征图加上一个学习得到的偏移量（参数个数公式中的 + 1）。一般保持开启，除非后面接 BatchNorm，它自带偏移量。</translation>
        </message>
        <message>
            <source>Slides learned filters along the time axis of a sequence, detecting short local patterns such as a rise or a peak in a signal. Each filter gives one output feature per time step.</source>
            <extracomment>engine: help card</extracomment>
            <translation>沿序列的时间轴滑动学习得到的滤波器，检测短小的局部模式，例如信号中的上升或尖峰。每个滤波器在每个时间步输出一个特征。</translation>
        </message>
        <message>
            <source>For signals, time series and text: a fast alternative or complement to recurrent layers for finding local patterns.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用于信号、时间序列和文本：查找局部模式时，它是循环层的一个快速替代或补充。</translation>
        </message>
        <message>
            <source>Giving it an image or features×time: NetStudio's sequences are time steps×features, as for LSTM. Use Conv2D for images, or Reshape a 1×28×28 image to 28×28 first.</source>
            <extracomment>engine: help card</extracomment>
            <translation>给它图像或 特征×时间 的输入：NetStudio 的序列是 时间步×特征，与 LSTM 相同。图像请用 Conv2D，或先把 1×28×28 的图像 Reshape 为 28×28。</translation>
        </message>
        <message>
            <source>How many different patterns the layer learns; each gives one output feature per time step.</source>
            <extracomment>engine: help card</extracomment>
            <translation>这一层学习多少种不同的模式；每种在每个时间步输出一个特征。</translation>
        </message>
        <message>
            <source>Length of the window that slides along time (k in the formula), such as 3 steps.</source>
            <extracomment>engine: help card</extracomment>
            <translation>沿时间滑动的窗口长度（公式中的 k），例如 3 步。</translation>
        </message>
        <message>
            <source>How far the window moves at each step (s in the formula); 2 roughly halves the number of time steps.</source>
            <extracomment>engine: help card</extracomment>
            <translation>窗口每一步移动多远（公式中的 s）；2 会让时间步数大约减半。</translation>
        </message>
        <message>
            <source>valid: no padding, so the sequence loses k − 1 steps before the strides divide it. same: pads with zeros so that ⌈steps / strides⌉ come out, as in Keras; an odd extra step of padding goes at the end.</source>
            <extracomment>engine: help card</extracomment>
            <translation>valid：不填充，所以序列先少 k − 1 步，再除以步长。same：用零填充，使输出为 ⌈steps / strides⌉ 步，与 Keras 相同；奇数时多出的那一步填充放在末尾。</translation>
        </message>
        <message>
            <source>Gaps between the cells of the window (d): with 2, a window of 3 spans 5 steps. Leave it at 1 unless you need a wider view.</source>
            <extracomment>engine: help card</extracomment>
            <translation>窗口各格之间的间隔（d）：为 2 时，长度为 3 的窗口跨越 5 步。除非需要更大的视野，否则保持为 1。</translation>
        </message>
        <message>
            <source>Learned upsampling: it enlarges an image, usually doubling its height and width, while learning how to fill in the detail. It works like a strided Conv2D run backwards.</source>
            <extracomment>engine: help card</extracomment>
            <translation>可学习的上采样：它放大图像，通常让高和宽加倍，同时学习如何补上细节。它的工作方式就像反向运行的带步长 Conv2D。</translation>
        </message>
        <message>
            <source>In decoders: the second half of an autoencoder, or the generator of a GAN, to grow small feature maps back into a full image.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用于解码器：自编码器的后半部分，或 GAN 的生成器，把小的特征图重新长成完整的图像。</translation>
        </message>
        <message>
            <source>Ending one pixel off (13 instead of 14), so that the output no longer matches the image. With strides 2, use kernel 3, padding 1 and output_padding 1 to exactly double the size.</source>
            <extracomment>engine: help card</extracomment>
            <translation>结果差了一个像素（13 而不是 14），输出就与图像对不上了。步长为 2 时，用卷积核 3、填充 1、输出填充 1，尺寸正好加倍。</translation>
        </message>
        <message>
            <source>Size of the window (k in the formula): 3 means 3×3.</source>
            <extracomment>engine: help card</extracomment>
            <translation>窗口的大小（公式中的 k）：3 表示 3×3。</translation>
        </message>
        <message>
            <source>How much it enlarges (s in the formula): 2 roughly doubles the height and width.</source>
            <extracomment>engine: help card</extracomment>
            <translation>放大多少（公式中的 s）：2 会让高和宽大约加倍。</translation>
        </message>
        <message>
            <source>Pixels trimmed from each border of the result (p in the formula). Kernel 3, strides 2, padding 1 and output_padding 1 exactly double the size.</source>
            <extracomment>engine: help card</extracomment>
            <translation>从结果每条边裁掉的像素数（公式中的 p）。卷积核 3、步长 2、填充 1、输出填充 1 正好让尺寸加倍。</translation>
        </message>
        <message>
            <source>Extra rows and columns added on one side (op in the formula) to reach an exact size; it must be smaller than the strides.</source>
            <extracomment>engine: help card</extracomment>
            <translation>在一侧额外添加的行和列（公式中的 op），用来得到精确的尺寸；它必须小于步长。</translation>
        </message>
        <message>
            <source>Splits each feature map into small windows and keeps only the largest value of each. The image gets smaller while the strongest responses survive; it has no weights.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把每张特征图分成小窗口，每个窗口只保留最大值。图像变小，而最强的响应得以保留；它没有权重。</translation>
        </message>
        <message>
            <source>After one or two Conv2D layers, to halve the height and width: fewer values to process, and some tolerance to small shifts of the image.</source>
            <extracomment>engine: help card</extracomment>
            <translation>放在一两个 Conv2D 层之后，让高和宽减半：要处理的数值更少，对图像的小幅平移也更不敏感。</translation>
        </message>
        <message>
            <source>Pooling too often: each 2×2 pooling halves the size (28 → 14 → 7 → 3), until the next kernel no longer fits. With padding valid an odd size also loses its last row and column (7 → 3); padding same keeps them (7 → 4).</source>
            <extracomment>engine: help card</extracomment>
            <translation>池化太多次：每次 2×2 池化都让尺寸减半（28 → 14 → 7 → 3），直到下一个卷积核放不下。使用 padding valid 时，奇数尺寸还会丢掉最后一行和一列（7 → 3）；padding same 会保留它们（7 → 4）。</translation>
        </message>
        <message>
            <source>Size of the window (k in the formula): 2 turns each 2×2 block into one value, halving the height and width. A pair [height, width] gives a rectangle.</source>
            <extracomment>engine: help card</extracomment>
            <translation>窗口的大小（公式中的 k）：2 把每个 2×2 的块变成一个值，高和宽减半。给出一对 [高, 宽] 则为长方形。</translation>
        </message>
        <message>
            <source>How far the window moves at each step (s in the formula); 0 means the same as the pool size, so that the windows do not overlap.</source>
            <extracomment>engine: help card</extracomment>
            <translation>窗口每一步移动多远（公式中的 s）；0 表示与池化窗口相同，使各窗口互不重叠。</translation>
        </message>
        <message>
            <source>valid: only whole windows, so a size that does not divide evenly loses its last cells. same: as Keras, the output is ⌈size / strides⌉; the border is split as TensorFlow splits it (the odd cell at the end), and padded cells never count: not in a maximum, not in an average.</source>
            <extracomment>engine: help card</extracomment>
            <translation>valid：只用完整的窗口，所以不能整除的尺寸会丢掉最后几格。same：与 Keras 相同，输出为 ⌈size / strides⌉；边框按 TensorFlow 的方式分配（多出的一格放在末尾），填充的格子从不参与计算：既不参与取最大值，也不参与求平均。</translation>
        </message>
        <message>
            <source>When the windows do not fit evenly, keep the last, incomplete window (rounded up, ⌈ ⌉) instead of dropping it (rounded down, ⌊ ⌋), as PyTorch's ceil_mode: any extra cells are at the end. It gives the same as Keras' padding 'same' only when nothing needs padding at the start, such as pool size 2 with strides 2; for Keras' 'same' in every case, set padding to same instead.</source>
            <extracomment>engine: help card</extracomment>
            <translation>窗口无法正好铺满时，保留最后那个不完整的窗口（向上取整，⌈ ⌉），而不是丢掉它（向下取整，⌊ ⌋），与 PyTorch 的 ceil_mode 相同：多出的格子都在末尾。只有在开头不需要填充时（例如池化窗口 2、步长 2），它才与 Keras 的 padding 'same' 结果相同；要在所有情况下都与 Keras 的 'same' 一致，请改为把 padding 设为 same。</translation>
        </message>
        <message>
            <source>Splits each feature map into small windows and keeps the average of each. The image gets smaller and smoother; it has no weights.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把每张特征图分成小窗口，每个窗口取平均值。图像变小、变平滑；它没有权重。</translation>
        </message>
        <message>
            <source>To shrink an image while keeping the overall strength of each region, not only its peak; max pooling is the more common choice in classifiers.</source>
            <extracomment>engine: help card</extracomment>
            <translation>在缩小图像的同时保留每个区域的整体强度，而不只是峰值；在分类模型中，最大池化更常用。</translation>
        </message>
        <message>
            <source>Averages each whole feature map (or each feature over all time steps) down to one number, turning a C×H×W image into a vector of C values. It has no weights.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把每整张特征图（或每个特征在所有时间步上）平均成一个数，把 C×H×W 的图像变成由 C 个值组成的向量。它没有权重。</translation>
        </message>
        <message>
            <source>At the end of a CNN instead of Flatten: it gives far fewer values, so the Dense after it needs far fewer weights and overfits less.</source>
            <extracomment>engine: help card</extracomment>
            <translation>在 CNN 的末尾代替 Flatten：它输出的值少得多，所以后面的 Dense 需要的权重也少得多，更不容易过拟合。</translation>
        </message>
        <message>
            <source>Putting it on an input that is already a flat vector, where there is nothing left to pool. Use it instead of Flatten, not together with it.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把它放在已经是扁平向量的输入上，那里已经没有可以池化的东西了。它是用来代替 Flatten 的，不要和 Flatten 一起用。</translation>
        </message>
        <message>
            <source>Keeps the largest value of each whole feature map (or of each feature over all time steps), turning a C×H×W image into a vector of C values: how strongly each pattern appears anywhere.</source>
            <extracomment>engine: help card</extracomment>
            <translation>保留每整张特征图（或每个特征在所有时间步上）的最大值，把 C×H×W 的图像变成由 C 个值组成的向量：表示每种模式在任何位置出现的最强程度。</translation>
        </message>
        <message>
            <source>To detect whether a pattern occurs anywhere in an image or a sequence, wherever it is, such as a keyword in a text.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用来检测某种模式是否出现在图像或序列中的任何位置，不管它在哪里，例如文本中的关键词。</translation>
        </message>
        <message>
            <source>Enlarges an image by repeating each pixel, or by blending neighbouring pixels, multiplying the height and width by a factor. It has no weights.</source>
            <extracomment>engine: help card</extracomment>
            <translation>通过重复每个像素，或混合相邻像素来放大图像，把高和宽乘以一个倍数。它没有权重。</translation>
        </message>
        <message>
            <source>In decoders and GAN generators, as a simple alternative to ConvTranspose2D, usually followed by a Conv2D.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用于解码器和 GAN 生成器，作为 ConvTranspose2D 的简单替代，后面通常接一个 Conv2D。</translation>
        </message>
        <message>
            <source>Expecting it to add detail: it only repeats pixels, so the result looks blocky. Follow it with a Conv2D (padding 'same') that learns to refine it.</source>
            <extracomment>engine: help card</extracomment>
            <translation>指望它补充细节：它只是重复像素，结果看起来是一块一块的。后面接一个 Conv2D（padding 'same'），让它学习如何细化。</translation>
        </message>
        <message>
            <source>By how much the height and width are multiplied: 2 turns 7×7 into 14×14.</source>
            <extracomment>engine: help card</extracomment>
            <translation>高和宽乘以的倍数：2 会把 7×7 变成 14×14。</translation>
        </message>
        <message>
            <source>nearest copies each pixel into a block; bilinear blends neighbouring pixels for a smoother result.</source>
            <extracomment>engine: help card</extracomment>
            <translation>nearest 把每个像素复制成一个小块；bilinear 混合相邻像素，结果更平滑。</translation>
        </message>
        <message>
            <source>Slides small learned 3D windows through a volume (depth × height × width), such as a medical scan or a short video clip, detecting patterns that extend in all three directions.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用学习得到的三维小窗口在体数据（深 × 高 × 宽）中滑动，例如医学扫描或短视频片段，检测在三个方向上延伸的模式。</translation>
        </message>
        <message>
            <source>For volumes: stacks of slices or of frames, where a pattern spans neighbouring slices. Put a MaxPooling3D after one or two of them, as Conv2D and MaxPooling2D in a 2D CNN.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用于体数据：由切片或帧堆叠而成、模式会跨越相邻切片的数据。每一两个 Conv3D 之后放一个 MaxPooling3D，就像二维 CNN 中的 Conv2D 和 MaxPooling2D。</translation>
        </message>
        <message>
            <source>Feeding it an image or frames laid out channels-last: it expects channels×depth×height×width (1×16×64×64 for one-channel scans of 16 slices). Its weights and work grow with k³: keep the kernel small (3, or [1, 3, 3] for thin volumes).</source>
            <extracomment>engine: help card</extracomment>
            <translation>给它输入图像，或按通道在后排列的帧：它需要 通道×深×高×宽（16 个切片的单通道扫描为 1×16×64×64）。它的权重和计算量随 k³ 增长：请让卷积核保持较小（3，薄的体数据用 [1, 3, 3]）。</translation>
        </message>
        <message>
            <source>Size of the window (k in the formula): 3 means 3×3×3; a triple [depth, height, width] gives a box, such as [1, 3, 3] for a 2D filter per slice.</source>
            <extracomment>engine: help card</extracomment>
            <translation>窗口的大小（公式中的 k）：3 表示 3×3×3；给出三元组 [深, 高, 宽] 则为长方体，例如 [1, 3, 3] 表示对每个切片做二维滤波。</translation>
        </message>
        <message>
            <source>How far the window moves at each step (s in the formula), along depth, height and width; 2 roughly halves each.</source>
            <extracomment>engine: help card</extracomment>
            <translation>窗口每一步沿深、高、宽方向移动多远（公式中的 s）；2 会让每个方向大约减半。</translation>
        </message>
        <message>
            <source>valid: no border is added, so each size shrinks by k − 1 before the strides divide it. same: a border of zeros makes each size ⌈size / strides⌉, as in Keras, the odd cell at the end.</source>
            <extracomment>engine: help card</extracomment>
            <translation>valid：不加边框，所以每个方向的尺寸先减少 k − 1，再除以步长。same：用一圈零填充，使每个尺寸变为 ⌈size / strides⌉，与 Keras 相同，多出的一格放在末尾。</translation>
        </message>
        <message>
            <source>Gaps between the cells of the window (d): with 2, a 3×3×3 window covers 5×5×5 cells with the same number of weights. Leave it at 1 unless you need a wider view.</source>
            <extracomment>engine: help card</extracomment>
            <translation>窗口各格之间的间隔（d）：为 2 时，3×3×3 的窗口用同样多的权重覆盖 5×5×5 个格子。除非需要更大的视野，否则保持为 1。</translation>
        </message>
        <message>
            <source>Splits the sequence into stretches of a few time steps and keeps the largest value of each feature in each stretch: a shorter sequence that keeps the strongest responses. It has no weights.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把序列分成若干段、每段几个时间步，保留每段中每个特征的最大值：得到一个更短、但保留了最强响应的序列。它没有权重。</translation>
        </message>
        <message>
            <source>After a Conv1D on text or signals, to halve the number of time steps before the next Conv1D or a recurrent layer.</source>
            <extracomment>engine: help card</extracomment>
            <translation>放在处理文本或信号的 Conv1D 之后，在下一个 Conv1D 或循环层之前把时间步数减半。</translation>
        </message>
        <message>
            <source>Pooling a sequence down to almost nothing: each pooling of 2 halves the steps (100 → 50 → 25 → 12), and a Conv1D after it needs at least its kernel size in steps. Use a GlobalMaxPooling at the end instead of pooling again and again.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把序列池化得几乎什么都不剩：每次大小为 2 的池化都让步数减半（100 → 50 → 25 → 12），而后面的 Conv1D 至少需要与其卷积核大小一样多的步数。请在末尾用 GlobalMaxPooling，而不是一次又一次地池化。</translation>
        </message>
        <message>
            <source>Length of each stretch of time (k in the formula): 2 halves the number of steps.</source>
            <extracomment>engine: help card</extracomment>
            <translation>每一段的时间长度（公式中的 k）：2 会让步数减半。</translation>
        </message>
        <message>
            <source>Splits the sequence into stretches of a few time steps and keeps the average of each feature in each stretch: a shorter, smoother sequence. It has no weights.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把序列分成若干段、每段几个时间步，取每段中每个特征的平均值：得到一个更短、更平滑的序列。它没有权重。</translation>
        </message>
        <message>
            <source>To shorten a sequence while keeping the overall level of each stretch, such as a sensor signal sampled faster than it changes.</source>
            <extracomment>engine: help card</extracomment>
            <translation>在缩短序列的同时保留每一段的整体水平，例如采样速度比信号变化快得多的传感器信号。</translation>
        </message>
        <message>
            <source>Expecting it to keep sharp peaks: an average flattens a single strong step among weak ones. Use MaxPooling1D to keep where a pattern occurred.</source>
            <extracomment>engine: help card</extracomment>
            <translation>指望它保留尖锐的峰值：求平均会把夹在弱值中的单个强值抹平。要保留模式出现处的强响应，请用 MaxPooling1D。</translation>
        </message>
        <message>
            <source>Splits each feature map of a volume into small boxes and keeps the largest value of each box: the depth, height and width shrink while the strongest responses survive. It has no weights.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把体数据的每张特征图分成小方块，每个方块只保留最大值：深、高和宽都变小，而最强的响应得以保留。它没有权重。</translation>
        </message>
        <message>
            <source>After one or two Conv3D layers, to halve each size of the volume and so divide the work of the next layers by eight.</source>
            <extracomment>engine: help card</extracomment>
            <translation>放在一两个 Conv3D 层之后，把体数据每个方向的尺寸减半，从而让后续层的计算量减为八分之一。</translation>
        </message>
        <message>
            <source>Pooling the depth of a thin volume away: 4 slices pooled twice by 2 leave 1. Use a pool size of [1, 2, 2] to pool only the height and width.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把薄的体数据的深度池化没了：4 个切片经过两次大小为 2 的池化只剩 1 个。若只想池化高和宽，请把池化窗口设为 [1, 2, 2]。</translation>
        </message>
        <message>
            <source>Size of the box (k in the formula): 2 turns each 2×2×2 block into one value; a triple [depth, height, width] gives another box, such as [1, 2, 2].</source>
            <extracomment>engine: help card</extracomment>
            <translation>方块的大小（公式中的 k）：2 把每个 2×2×2 的块变成一个值；给出三元组 [深, 高, 宽] 则得到其他形状的方块，例如 [1, 2, 2]。</translation>
        </message>
        <message>
            <source>Filters each channel of the image on its own: every input channel gets its own small windows of weights (depth_multiplier of them), and channels are never mixed. It needs far fewer weights and far less work than a Conv2D.</source>
            <extracomment>engine: help card</extracomment>
            <translation>对图像的每个通道单独滤波：每个输入通道都有自己的权重小窗口（共 depth_multiplier 个），各通道之间从不混合。它所需的权重和计算量都比 Conv2D 少得多。</translation>
        </message>
        <message>
            <source>In light networks for phones and small devices (MobileNet style), usually followed by a 1×1 Conv2D that mixes the channels; SeparableConv2D does both in one layer.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用于手机和小型设备上的轻量网络（MobileNet 风格），后面通常接一个混合各通道的 1×1 Conv2D；SeparableConv2D 在一层中完成这两步。</translation>
        </message>
        <message>
            <source>Expecting it to set the number of output channels: it gives channels × depth_multiplier maps, never a filters count. Add a 1×1 Conv2D after it, or use SeparableConv2D, to choose how many come out.</source>
            <extracomment>engine: help card</extracomment>
            <translation>指望它决定输出通道数：它输出 通道数 × depth_multiplier 张特征图，没有 filters 这个参数。要选择输出多少张，请在它之后加一个 1×1 Conv2D，或改用 SeparableConv2D。</translation>
        </message>
        <message>
            <source>Size of the window that slides over each channel (k in the formula): 3 means 3×3. A pair [height, width] gives a rectangle.</source>
            <extracomment>engine: help card</extracomment>
            <translation>在每个通道上滑动的窗口大小（公式中的 k）：3 表示 3×3。给出一对 [高, 宽] 则为长方形。</translation>
        </message>
        <message>
            <source>valid: no border is added, so the height and width each shrink by k − 1 before the strides divide them. same: a border of zeros makes the output ⌈size / strides⌉, as in Keras, the odd row or column at the end.</source>
            <extracomment>engine: help card</extracomment>
            <translation>valid：不加边框，所以高和宽先各减少 k − 1，再除以步长。same：用一圈零填充，使输出为 ⌈size / strides⌉，与 Keras 相同，多出的一行或一列放在末尾。</translation>
        </message>
        <message>
            <source>How many filters each input channel gets (m in the formula): the output has channels × m feature maps. 1 is usual.</source>
            <extracomment>engine: help card</extracomment>
            <translation>每个输入通道有多少个滤波器（公式中的 m）：输出共有 通道数 × m 张特征图。通常为 1。</translation>
        </message>
        <message>
            <source>Gaps between the cells of the window (d): with 2, a 3×3 window covers 5×5 pixels with the same number of weights. Keras calls it dilation_rate.</source>
            <extracomment>engine: help card</extracomment>
            <translation>窗口各格之间的间隔（d）：为 2 时，3×3 的窗口用同样多的权重覆盖 5×5 个像素。Keras 中称为 dilation_rate。</translation>
        </message>
        <message>
            <source>Adds one learned offset to each output map (the + 1 in the parameter count). Leave it on, unless a BatchNorm follows, which brings its own offset.</source>
            <extracomment>engine: help card</extracomment>
            <translation>给每张输出特征图加上一个学习得到的偏移量（参数个数公式中的 + 1）。一般保持开启，除非后面接 BatchNorm，它自带偏移量。</translation>
        </message>
        <message>
            <source>A cheaper Conv2D in two steps: first each channel is filtered on its own (a depthwise convolution), then a 1×1 convolution mixes the channels into the number of filters you ask for. It learns similar patterns with far fewer weights.</source>
            <extracomment>engine: help card</extracomment>
            <translation>分两步完成、更省计算的 Conv2D：先对每个通道单独滤波（逐通道卷积，depthwise），再用 1×1 卷积把各通道混合成你指定的滤波器数。它用少得多的权重学到相似的模式。</translation>
        </message>
        <message>
            <source>In place of a Conv2D with many channels when the model is too slow or too large, as in Xception and MobileNet; on a 1- or 3-channel input the saving is small.</source>
            <extracomment>engine: help card</extracomment>
            <translation>当模型太慢或太大时，用它代替通道很多的 Conv2D，就像 Xception 和 MobileNet 那样；对 1 通道或 3 通道的输入，节省的很少。</translation>
        </message>
        <message>
            <source>Expecting it to learn everything a Conv2D with as many filters learns: it only finds patterns that split into a filter per channel followed by a mix of channels. If accuracy drops, give it more filters or stack two.</source>
            <extracomment>engine: help card</extracomment>
            <translation>指望它学到滤波器数相同的 Conv2D 能学到的一切：它只能找到可以拆成“每个通道一个滤波器，再混合各通道”的模式。如果准确率下降，请给它更多滤波器，或叠加两个。</translation>
        </message>
        <message>
            <source>Size of the window of the depthwise step (k in the formula): 3 means 3×3. A pair [height, width] gives a rectangle.</source>
            <extracomment>engine: help card</extracomment>
            <translation>逐通道步骤的窗口大小（公式中的 k）：3 表示 3×3。给出一对 [高, 宽] 则为长方形。</translation>
        </message>
        <message>
            <source>How far the window moves at each step (s in the formula); 2 roughly halves the height and width.</source>
            <extracomment>engine: help card</extracomment>
            <translation>窗口每一步移动多远（公式中的 s）；2 会让高和宽大约减半。</translation>
        </message>
        <message>
            <source>How many maps the depthwise step makes from each input channel (m in the formula) before the 1×1 step mixes them; 1 is usual.</source>
            <extracomment>engine: help card</extracomment>
            <translation>在 1×1 步骤混合之前，逐通道步骤从每个输入通道生成多少张特征图（公式中的 m）；通常为 1。</translation>
        </message>
        <message>
            <source>Adds one learned offset to each output map after the 1×1 step (the + 1 in the parameter count); the depthwise step has none, as in Keras.</source>
            <extracomment>engine: help card</extracomment>
            <translation>在 1×1 步骤之后给每张输出特征图加上一个学习得到的偏移量（参数个数公式中的 + 1）；与 Keras 一样，逐通道步骤没有偏置。</translation>
        </message>
        <message>
            <source>During training, sets whole feature maps of an image to zero at random, instead of single values as Dropout does. When evaluating and predicting it does nothing.</source>
            <extracomment>engine: help card</extracomment>
            <translation>训练时随机把图像的整张特征图置零，而不是像 Dropout 那样只置零单个数值。评估和预测时它什么也不做。</translation>
        </message>
        <message>
            <source>Between Conv2D layers that overfit: neighbouring pixels of a map are so alike that dropping single values hardly matters there, while dropping whole maps does.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用在过拟合的 Conv2D 层之间：同一张特征图中相邻的像素非常相似，丢弃单个数值几乎不起作用，而丢弃整张特征图则有效。</translation>
        </message>
        <message>
            <source>Using Dropout's usual rate of 0.5: each dropped map is a whole pattern lost, so keep it low (0.1 to 0.3). It drops channels, the C of NetStudio's C×H×W images, the same maps as Keras' SpatialDropout2D drops from its channels-last images.</source>
            <extracomment>engine: help card</extracomment>
            <translation>沿用 Dropout 常用的 0.5 比例：每丢弃一张特征图就丢失了一整种模式，所以请保持较低（0.1 到 0.3）。它丢弃的是通道，即 NetStudio 的 C×H×W 图像中的 C，与 Keras 的 SpatialDropout2D 从通道在后的图像中丢弃的是同样的特征图。</translation>
        </message>
        <message>
            <source>Fraction of the feature maps set to zero at each training step. The others are scaled up by 1 / (1 − rate) so that the average stays the same.</source>
            <extracomment>engine: help card</extracomment>
            <translation>每个训练步骤中被置零的特征图所占比例。其余数值乘以 1 / (1 − rate)，使平均值保持不变。</translation>
        </message>
        <message>
            <source>Adds rows and columns of zeros around each feature map, making the image larger. It has no weights.</source>
            <extracomment>engine: help card</extracomment>
            <translation>在每张特征图周围加上几行几列零，使图像变大。它没有权重。</translation>
        </message>
        <message>
            <source>Before a Conv2D or pooling with padding valid, to choose the border yourself, as in the ResNet stem of Keras' applications (ZeroPadding2D(3) before a 7×7 convolution).</source>
            <extracomment>engine: help card</extracomment>
            <translation>放在 padding 为 valid 的 Conv2D 或池化之前，自己决定边框，就像 Keras applications 中 ResNet 的起始部分（7×7 卷积之前的 ZeroPadding2D(3)）。</translation>
        </message>
        <message>
            <source>Padding by hand where padding 'same' would do: with strides 1 and an odd kernel k, ZeroPadding2D((k − 1) / 2) before a valid Conv2D is a 'same' Conv2D, so one of the two is enough.</source>
            <extracomment>engine: help card</extracomment>
            <translation>在用 padding 'same' 就能解决的地方手动填充：步长为 1、卷积核 k 为奇数时，在 valid 的 Conv2D 之前加 ZeroPadding2D((k − 1) / 2) 就等于一个 'same' 的 Conv2D，所以两者用一个就够了。</translation>
        </message>
        <message>
            <source>Rows of zeros added at the top and at the bottom, and columns at the left and at the right: 1 adds a one-pixel frame (28×28 becomes 30×30); a pair [rows, columns] pads the height and the width differently. Keras' ((top, bottom), (left, right)) form, for an uneven border, is not offered.</source>
            <extracomment>engine: help card</extracomment>
            <translation>在上方和下方各加的零行数，以及在左侧和右侧各加的零列数：1 表示加一圈一像素宽的边框（28×28 变成 30×30）；给出一对 [行, 列] 可以对高和宽做不同的填充。不提供 Keras 用于不对称边框的 ((top, bottom), (left, right)) 形式。</translation>
        </message>
        <message>
            <source>Adds time steps of zeros at the start and at the end of a sequence, making it longer. The features are unchanged; it has no weights.</source>
            <extracomment>engine: help card</extracomment>
            <translation>在序列的开头和末尾加上全零的时间步，使序列变长。特征不变；它没有权重。</translation>
        </message>
        <message>
            <source>Before a Conv1D with padding valid, to keep the sequence's length, or to pad at the start only so that no output step sees the future (causal convolution).</source>
            <extracomment>engine: help card</extracomment>
            <translation>放在 padding 为 valid 的 Conv1D 之前，用来保持序列长度；或者只在开头填充，使任何输出步都看不到未来（因果卷积）。</translation>
        </message>
        <message>
            <source>Giving it features × time: NetStudio's sequences are time steps × features, as Keras', so it pads the time steps, never the features.</source>
            <extracomment>engine: help card</extracomment>
            <translation>给它 特征 × 时间 的输入：NetStudio 的序列与 Keras 一样是 时间步 × 特征，所以它填充的是时间步，而不是特征。</translation>
        </message>
        <message>
            <source>Time steps of zeros added: one number for as many at the start as at the end, or a pair [before, after], such as [2, 0] for a causal convolution of kernel 3.</source>
            <extracomment>engine: help card</extracomment>
            <translation>添加的全零时间步数：一个数表示开头和末尾加同样多，或给出一对 [前, 后]，例如卷积核为 3 的因果卷积用 [2, 0]。</translation>
        </message>
        <message>
            <source>Cuts rows and columns off the borders of each feature map, making the image smaller. It has no weights.</source>
            <extracomment>engine: help card</extracomment>
            <translation>从每张特征图的边上裁掉几行几列，使图像变小。它没有权重。</translation>
        </message>
        <message>
            <source>To make two branches the same size before they are added or concatenated, as in U-Net, or to remove a border that padding added.</source>
            <extracomment>engine: help card</extracomment>
            <translation>在两个分支相加或拼接之前让它们尺寸一致，就像 U-Net 中那样；或去掉填充加上的边框。</translation>
        </message>
        <message>
            <source>Cropping everything away: the crop is taken from both sides, so 14 rows can lose at most 6 from each, leaving 2.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把所有内容都裁掉了：两侧都会裁掉这么多，所以 14 行每侧最多只能裁掉 6 行，剩下 2 行。</translation>
        </message>
        <message>
            <source>Rows cut off at the top and at the bottom, and columns at the left and at the right: 1 removes a one-pixel frame (30×30 becomes 28×28); a pair [rows, columns] crops the height and the width differently. Keras' ((top, bottom), (left, right)) form, for an uneven crop, is not offered.</source>
            <extracomment>engine: help card</extracomment>
            <translation>在上方和下方各裁掉的行数，以及在左侧和右侧各裁掉的列数：1 表示去掉一圈一像素宽的边框（30×30 变成 28×28）；给出一对 [行, 列] 可以对高和宽做不同的裁剪。不提供 Keras 用于不对称裁剪的 ((top, bottom), (left, right)) 形式。</translation>
        </message>
        <message>
            <source>A recurrent layer: it reads a sequence one step at a time and carries a memory from step to step. Three gates (input, forget, output) learn what to store, what to forget and what to pass on, so it can link events far apart in time.</source>
            <extracomment>engine: help card</extracomment>
            <translation>一种循环层：它一次读取序列的一步，并把记忆从一步传到下一步。三个门（输入门、遗忘门、输出门）学习该存什么、该忘什么、该传出什么，所以它能把时间上相隔很远的事件联系起来。</translation>
        </message>
        <message>
            <source>For sequences where order and long-range context matter: text, sensor readings, time series.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用于顺序和远距离上下文都很重要的序列：文本、传感器读数、时间序列。</translation>
        </message>
        <message>
            <source>Feeding it an image (1×28×28) or a flat vector: it expects time steps×features, so Reshape the image to 28×28 (rows as steps). When stacking two recurrent layers, turn on return_sequences in the first, or the second receives one vector instead of a sequence.</source>
            <extracomment>engine: help card</extracomment>
            <translation>给它图像（1×28×28）或扁平的向量：它需要 时间步×特征，所以请把图像 Reshape 为 28×28（每行作为一步）。叠加两个循环层时，要在第一个中打开 return_sequences，否则第二个收到的是一个向量而不是序列。</translation>
        </message>
        <message>
            <source>PyTorch gives each gate two bias vectors (one for the input, one for the state), so it counts 4 × (F·H + H·H + 2·H): 4·H more than Keras' 4 × (F + H + 1) × H, which has one. Both learn the same; bidirectional doubles the count.</source>
            <extracomment>engine: help card</extracomment>
            <translation>PyTorch 给每个门两个偏置向量（一个给输入，一个给状态），所以参数个数为 4 × (F·H + H·H + 2·H)：比只有一个偏置的 Keras 的 4 × (F + H + 1) × H 多 4·H。两者学到的东西相同；双向时参数个数加倍。</translation>
        </message>
        <message>
            <source>Size of the hidden state (H in the formula): how much the layer can remember at each step, and the length of the vector it outputs.</source>
            <extracomment>engine: help card</extracomment>
            <translation>隐藏状态的大小（公式中的 H）：这一层每一步能记住多少，也是它输出的向量长度。</translation>
        </message>
        <message>
            <source>Off: output only the vector of the last step, for a classifier on top. On: output a vector for every time step, which another recurrent layer (or a Conv1D) on top needs.</source>
            <extracomment>engine: help card</extracomment>
            <translation>关闭：只输出最后一步的向量，供上面的分类器使用。打开：每个时间步都输出一个向量，上面再接循环层（或 Conv1D）时需要这样。</translation>
        </message>
        <message>
            <source>Also read the sequence from the end to the start and join both readings, which doubles the output size (2·H). It helps when the whole sequence is known in advance, such as a sentence.</source>
            <extracomment>engine: help card</extracomment>
            <translation>同时从序列末尾向开头再读一遍，并把两个方向的结果拼接起来，输出大小因此加倍（2·H）。当整个序列事先已知时（例如一个句子）会有帮助。</translation>
        </message>
        <message>
            <source>A recurrent layer like the LSTM, but with two gates (update and reset) and no separate memory cell. It has fewer weights and often learns as well.</source>
            <extracomment>engine: help card</extracomment>
            <translation>一种与 LSTM 类似的循环层，但只有两个门（更新门和重置门），也没有单独的记忆单元。它的权重更少，学习效果往往同样好。</translation>
        </message>
        <message>
            <source>Wherever an LSTM fits; try it when you want a smaller and faster model.</source>
            <extracomment>engine: help card</extracomment>
            <translation>凡是适合 LSTM 的地方都可以用；想要更小、更快的模型时可以试试它。</translation>
        </message>
        <message>
            <source>Its three parts each have two bias vectors, in PyTorch as in Keras (reset_after, its default), so both count 3 × (F·H + H·H + 2·H). Bidirectional doubles the count.</source>
            <extracomment>engine: help card</extracomment>
            <translation>它的三个部分各有两个偏置向量，PyTorch 和 Keras（默认的 reset_after）都是如此，所以两者的参数个数都是 3 × (F·H + H·H + 2·H)。双向时参数个数加倍。</translation>
        </message>
        <message>
            <source>The plain recurrent layer: at each step it mixes the new input with its previous state in one weighted sum followed by tanh. Simple, but it forgets quickly.</source>
            <extracomment>engine: help card</extracomment>
            <translation>最基本的循环层：每一步都把新的输入和之前的状态做一次加权求和，再经过 tanh。简单，但遗忘得很快。</translation>
        </message>
        <message>
            <source>For short sequences and to learn how recurrence works; prefer LSTM or GRU for real tasks.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用于短序列，以及理解循环是如何工作的；实际任务中请优先使用 LSTM 或 GRU。</translation>
        </message>
        <message>
            <source>Using it on long sequences (hundreds of steps): the gradient vanishes along the way and it learns only from the last few steps. Use an LSTM or a GRU for those.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用在很长的序列（几百步）上：梯度在传递过程中消失，它只能从最后几步中学习。这种情况请用 LSTM 或 GRU。</translation>
        </message>
        <message>
            <source>PyTorch has two bias vectors, so it counts F·H + H·H + 2·H: H more than Keras' (F + H + 1) × H, which has one. Bidirectional doubles the count.</source>
            <extracomment>engine: help card</extracomment>
            <translation>PyTorch 有两个偏置向量，所以参数个数为 F·H + H·H + 2·H：比只有一个偏置的 Keras 的 (F + H + 1) × H 多 H。双向时参数个数加倍。</translation>
        </message>
        <message>
            <source>One block of a Transformer encoder. In multi-head self-attention every time step looks at every other step and takes in what is relevant; then a small feed-forward network processes each step, each part with a residual connection and a LayerNorm.</source>
            <extracomment>engine: help card</extracomment>
            <translation>Transformer 编码器中的一个模块。在多头自注意力中，每个时间步都会查看其他所有时间步，并吸收其中相关的信息；然后一个小型前馈网络分别处理每一步，每个部分都带有残差连接和 LayerNorm。</translation>
        </message>
        <message>
            <source>For sequences, such as text tokens after an Embedding, when relations between distant steps matter; stack several blocks for a bigger model.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用于序列，例如 Embedding 之后的文本词元，当相距较远的步之间的关系很重要时；想要更大的模型就叠加几个模块。</translation>
        </message>
        <message>
            <source>Choosing a number of heads that does not divide the feature size: 8 features cannot be split among 3 heads. Feeding it raw token ids or an image is the other one: put an Embedding, or a Reshape to time steps×features, before it.</source>
            <extracomment>engine: help card</extracomment>
            <translation>选择的注意力头数不能整除特征数：8 个特征无法分给 3 个头。另一个错误是直接输入原始词元 id 或图像：请在它之前放一个 Embedding，或一个 Reshape 为 时间步×特征。</translation>
        </message>
        <message>
            <source>Attention: 4 × (d·d + d) for the query, key, value and output projections. Feed-forward: d·f + f + f·d + d. Two LayerNorms: 4·d. The number of heads does not change the count.</source>
            <extracomment>engine: help card</extracomment>
            <translation>注意力：查询、键、值和输出四个投影共 4 × (d·d + d)。前馈网络：d·f + f + f·d + d。两个 LayerNorm：4·d。注意力头数不影响参数个数。</translation>
        </message>
        <message>
            <source>How many attention heads look at the sequence side by side, each on F / heads of the features; it must divide the feature size F.</source>
            <extracomment>engine: help card</extracomment>
            <translation>有多少个注意力头并排查看序列，每个头负责 F / heads 个特征；它必须能整除特征数 F。</translation>
        </message>
        <message>
            <source>Width of the small two-layer network applied to each step after attention (f in the formula); often 2 to 4 times the feature size.</source>
            <extracomment>engine: help card</extracomment>
            <translation>注意力之后对每一步应用的两层小网络的宽度（公式中的 f）；通常是特征数的 2 到 4 倍。</translation>
        </message>
        <message>
            <source>Fraction of values dropped inside the block during training, against overfitting.</source>
            <extracomment>engine: help card</extracomment>
            <translation>训练时在模块内部被丢弃的数值比例，用来防止过拟合。</translation>
        </message>
        <message>
            <source>Activation of the feed-forward network: relu, or gelu as in BERT and GPT.</source>
            <extracomment>engine: help card</extracomment>
            <translation>前馈网络的激活函数：relu，或像 BERT 和 GPT 那样用 gelu。</translation>
        </message>
        <message>
            <source>Normalize before attention and the feed-forward network (pre-LN) instead of after; deep stacks train more stably with it on.</source>
            <extracomment>engine: help card</extracomment>
            <translation>在注意力和前馈网络之前（pre-LN）而不是之后做归一化；打开它时，深层堆叠训练更稳定。</translation>
        </message>
        <message>
            <source>Adds a learned vector to each time step: one for the first step, another for the second, and so on. Self-attention by itself does not see the order of the steps; with these vectors added it can tell where in the sequence each step is.</source>
            <extracomment>engine: help card</extracomment>
            <translation>给每个时间步加上一个学习得到的向量：第一步一个，第二步另一个，依此类推。自注意力本身看不到各步的顺序；加上这些向量后，它就能分辨每一步位于序列的什么位置。</translation>
        </message>
        <message>
            <source>Right before the first Transformer encoder block, after the Dense or Embedding that gives each step its features.</source>
            <extracomment>engine: help card</extracomment>
            <translation>放在第一个 Transformer 编码器模块之前，在为每一步提供特征的 Dense 或 Embedding 之后。</translation>
        </message>
        <message>
            <source>Leaving it out: a Transformer encoder without positions treats the sequence as an unordered bag of steps, so it cannot tell a rising ramp from a falling one.</source>
            <extracomment>engine: help card</extracomment>
            <translation>省略它：没有位置信息的 Transformer 编码器把序列当作一袋无序的步，因此分不清上升的斜坡和下降的斜坡。</translation>
        </message>
        <message>
            <source>One vector of F numbers per time step: T × F in all. Its table is as long as the sequence, so the model takes sequences of exactly T steps.</source>
            <extracomment>engine: help card</extracomment>
            <translation>每个时间步一个由 F 个数组成的向量：共 T × F 个。它的表与序列一样长，所以模型只接受正好 T 步的序列。</translation>
        </message>
        <message>
            <source>Keras' MultiHeadAttention: every time step of the query sequence compares itself with every step of the key sequence and takes in a weighted mix of the value sequence, in several heads side by side. The result has the query's shape: one step per query step, projected back to the query's features.</source>
            <extracomment>engine: help card</extracomment>
            <translation>即 Keras 的 MultiHeadAttention：查询序列的每个时间步都与键序列的每一步进行比较，并吸收值序列的加权组合，由多个注意力头并排进行。结果的形状与查询相同：每个查询步对应一步，并投影回查询的特征数。</translation>
        </message>
        <message>
            <source>For self-attention, connect the same layer to both the query and the value input; to let one sequence look at another (a decoder at an encoder's output), connect them to the query and the value.</source>
            <extracomment>engine: help card</extracomment>
            <translation>做自注意力时，把同一层同时连到查询输入和值输入；要让一个序列关注另一个序列（例如解码器关注编码器的输出），就把它们分别连到查询和值。</translation>
        </message>
        <message>
            <source>Expecting a self-attention block with its residual, LayerNorm and feed-forward part: this layer is the attention alone, as in Keras. Use the Transformer encoder for the whole block, or add Add and LayerNorm around it yourself.</source>
            <extracomment>engine: help card</extracomment>
            <translation>指望它是带残差、LayerNorm 和前馈部分的完整自注意力模块：与 Keras 一样，这一层只有注意力本身。需要完整模块请用 Transformer 编码器，或自己在它周围加上 Add 和 LayerNorm。</translation>
        </message>
        <message>
            <source>Four projections, as in Keras: query, key and value each to h·k numbers, and the result back to the query's F_q features, each with its bias. The value's projection is also key_dim wide (Keras' default value_dim).</source>
            <extracomment>engine: help card</extracomment>
            <translation>与 Keras 一样有四个投影：查询、键和值各投影到 h·k 个数，结果再投影回查询的 F_q 个特征，每个投影都带偏置。值的投影宽度也是 key_dim（Keras 中 value_dim 的默认值）。</translation>
        </message>
        <message>
            <source>How many attention heads look at the sequences side by side (h in the formula), each with its own projections of key_dim numbers.</source>
            <extracomment>engine: help card</extracomment>
            <translation>有多少个注意力头并排查看序列（公式中的 h），每个头都有自己的、宽度为 key_dim 的投影。</translation>
        </message>
        <message>
            <source>Size of each head's query and key (and value) vectors (k in the formula). Unlike the Transformer encoder's heads, it need not divide the feature size: 8 heads of 64 on 32 features are fine.</source>
            <extracomment>engine: help card</extracomment>
            <translation>每个头的查询和键（以及值）向量的大小（公式中的 k）。与 Transformer 编码器的注意力头不同，它不必整除特征数：在 32 个特征上用 8 个 64 维的头也没问题。</translation>
        </message>
        <message>
            <source>Fraction of the attention weights dropped during training, against overfitting; 0 turns it off.</source>
            <extracomment>engine: help card</extracomment>
            <translation>训练时被丢弃的注意力权重所占比例，用来防止过拟合；0 表示关闭。</translation>
        </message>
        <message>
            <source>Adds a learned offset to each of the four projections (the + 1 in the count).</source>
            <extracomment>engine: help card</extracomment>
            <translation>给四个投影各加上一个学习得到的偏移量（参数个数公式中的 + 1）。</translation>
        </message>
        <message>
            <source>2: a query and a value, the key being the value (Keras' default); 3: a separate key on input 3, as long as the value. Input 1 is always the query, input 2 the value.</source>
            <extracomment>engine: help card</extracomment>
            <translation>2：一个查询和一个值，键就是值（Keras 的默认方式）；3：在输入 3 上接一个单独的键，长度与值相同。输入 1 始终是查询，输入 2 是值。</translation>
        </message>
        <message>
            <source>Normalizes each channel (or feature) to mean 0 and variance 1 over the current batch, then scales and shifts it with two learned numbers. When evaluating it uses running averages collected in training instead of the batch.</source>
            <extracomment>engine: help card</extracomment>
            <translation>在当前批量上把每个通道（或特征）归一化为均值 0、方差 1，再用两个学习得到的数对它进行缩放和平移。评估时使用训练中收集的滑动平均值，而不是当前批量的统计量。</translation>
        </message>
        <message>
            <source>After Conv2D or Dense layers in deeper networks, especially when training is slow or unstable.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用在较深网络的 Conv2D 或 Dense 层之后，尤其是训练缓慢或不稳定的时候。</translation>
        </message>
        <message>
            <source>Training with very small batches (2 to 8 samples), whose mean and variance are too noisy. Use batches of 32 or more, or LayerNorm.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用很小的批量（2 到 8 个样本）训练，其均值和方差噪声太大。请使用 32 或更大的批量，或改用 LayerNorm。</translation>
        </message>
        <message>
            <source>2 × C learned numbers: a scale γ and an offset β per channel. The running mean and variance are not learned by gradients and not counted here; Keras counts them as non-trainable, 4 × C in all.</source>
            <extracomment>engine: help card</extracomment>
            <translation>2 × C 个学习得到的数：每个通道一个缩放 γ 和一个偏移 β。滑动均值和方差不是通过梯度学习的，不计入这里；Keras 把它们算作不可训练参数，总共 4 × C 个。</translation>
        </message>
        <message>
            <source>How slowly the running mean and variance (used when evaluating) follow the batches: 0.99 moves them 1% towards each batch. This is Keras' convention; PyTorch's momentum is 1 minus this.</source>
            <extracomment>engine: help card</extracomment>
            <translation>评估时使用的滑动均值和方差跟随各批量变化得有多慢：0.99 表示每个批量只让它们向该批量靠近 1%。这是 Keras 的约定；PyTorch 的 momentum 等于 1 减去这个值。</translation>
        </message>
        <message>
            <source>A tiny number added to the variance so that nothing is ever divided by zero. It rarely needs changing.</source>
            <extracomment>engine: help card</extracomment>
            <translation>加到方差上的一个很小的数，确保永远不会除以零。很少需要修改。</translation>
        </message>
        <message>
            <source>Normalizes the values of each sample on its own (each time step's features, for a sequence) to mean 0 and variance 1, then scales and shifts them with learned numbers. It does not depend on the batch.</source>
            <extracomment>engine: help card</extracomment>
            <translation>对每个样本单独归一化（对序列则是每个时间步的特征），使其均值为 0、方差为 1，再用学习得到的数进行缩放和平移。它不依赖于批量。</translation>
        </message>
        <message>
            <source>In Transformers and recurrent models, and whenever batches are small, where BatchNorm's statistics are unreliable.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用于 Transformer 和循环模型，以及批量较小、BatchNorm 的统计量不可靠的情况。</translation>
        </message>
        <message>
            <source>Expecting it to work per channel like BatchNorm: on an image it normalizes all of C×H×W together and learns 2·C·H·W numbers, a lot for large images. Use BatchNorm in CNNs.</source>
            <extracomment>engine: help card</extracomment>
            <translation>指望它像 BatchNorm 一样按通道工作：在图像上它把整个 C×H×W 一起归一化，要学习 2·C·H·W 个数，对大图像来说非常多。CNN 中请使用 BatchNorm。</translation>
        </message>
        <message>
            <source>Keeps positive values and replaces negative ones by 0: f(x) = max(0, x). Cheap and effective, it is the default activation of hidden layers.</source>
            <extracomment>engine: help card</extracomment>
            <translation>保留正值，把负值替换为 0：f(x) = max(0, x)。计算量小、效果好，是隐藏层的默认激活函数。</translation>
        </message>
        <message>
            <source>After Dense or Conv2D layers in the hidden part of a network; setting the layer's activation parameter to relu does the same.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用在网络隐藏部分的 Dense 或 Conv2D 层之后；把这些层的 activation 参数设为 relu 效果相同。</translation>
        </message>
        <message>
            <source>Putting it on the last layer: the outputs can then never be negative, which breaks regression and clips a classifier's scores. End with linear or softmax instead.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把它放在最后一层：输出就永远不会是负数，这会破坏回归任务，也会截断分类模型的分数。请改用 linear 或 softmax 结尾。</translation>
        </message>
        <message>
            <source>Like ReLU, but negative values are multiplied by a small slope instead of set to 0: f(x) = x for x &gt; 0, slope·x otherwise. Neurons never go completely silent.</source>
            <extracomment>engine: help card</extracomment>
            <translation>与 ReLU 类似，但负值乘以一个小斜率，而不是置为 0：x &gt; 0 时 f(x) = x，否则为 slope·x。神经元永远不会完全沉默。</translation>
        </message>
        <message>
            <source>When many ReLU neurons output only zeros (dying ReLU), and in GAN discriminators.</source>
            <extracomment>engine: help card</extracomment>
            <translation>当很多 ReLU 神经元只输出零（ReLU 死亡）时使用，也常用于 GAN 的判别器。</translation>
        </message>
        <message>
            <source>Setting negative_slope to 1, which turns it into a straight line with no non-linearity at all. Keep it small, 0.01 to 0.3.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把 negative_slope 设为 1，它就变成一条直线，完全没有非线性了。请保持在较小的值，0.01 到 0.3。</translation>
        </message>
        <message>
            <source>How much of a negative input is let through: 0.3 gives 0.3·x for x &lt; 0. It starts at 0.3, Keras' default for this layer (PyTorch's is 0.01); 0 makes it a plain ReLU; GANs often use 0.2.</source>
            <extracomment>engine: help card</extracomment>
            <translation>负输入能通过多少：0.3 表示 x &lt; 0 时输出 0.3·x。初始值为 0.3，即 Keras 中这一层的默认值（PyTorch 的是 0.01）；为 0 时就是普通的 ReLU；GAN 常用 0.2。</translation>
        </message>
        <message>
            <source>Exponential linear unit: keeps positive values and bends negative ones smoothly towards −alpha: f(x) = x for x &gt; 0, alpha·(eˣ − 1) otherwise. Its outputs average closer to zero than ReLU's.</source>
            <extracomment>engine: help card</extracomment>
            <translation>指数线性单元：保留正值，把负值平滑地弯向 −alpha：x &gt; 0 时 f(x) = x，否则为 alpha·(eˣ − 1)。它输出的平均值比 ReLU 更接近零。</translation>
        </message>
        <message>
            <source>In hidden layers as an alternative to ReLU, when many ReLU neurons go silent or training is slow; also the elu choice of a layer's activation.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用在隐藏层中代替 ReLU，适用于很多 ReLU 神经元沉默或训练缓慢的情况；层的 activation 中的 elu 选项也是它。</translation>
        </message>
        <message>
            <source>Using it on the last layer of a regression whose targets go below −alpha: the output can never get there. Keep it for hidden layers.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把它用在回归模型的最后一层，而目标值会低于 −alpha：输出永远到不了那里。请只在隐藏层使用。</translation>
        </message>
        <message>
            <source>The level negative inputs approach (−alpha); Keras and PyTorch both use 1.</source>
            <extracomment>engine: help card</extracomment>
            <translation>负输入所趋近的水平（−alpha）；Keras 和 PyTorch 都取 1。</translation>
        </message>
        <message>
            <source>Scaled ELU: an ELU with fixed constants (scale ≈ 1.0507, alpha ≈ 1.6733) chosen so that a stack of Dense layers keeps its activations at mean 0 and variance 1 by itself.</source>
            <extracomment>engine: help card</extracomment>
            <translation>缩放指数线性单元：一种带固定常数（scale ≈ 1.0507，alpha ≈ 1.6733）的 ELU，这些常数的选取使一叠 Dense 层能自行把激活值保持在均值 0、方差 1。</translation>
        </message>
        <message>
            <source>In deep stacks of Dense layers on table-like data, without BatchNorm; also the selu choice of a layer's activation.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用于处理表格类数据、不带 BatchNorm 的深层 Dense 堆叠；层的 activation 中的 selu 选项也是它。</translation>
        </message>
        <message>
            <source>Mixing it with Dropout or BatchNorm, which undo its self-normalizing: use it in plain Dense stacks (Keras pairs it with AlphaDropout and lecun_normal weights).</source>
            <extracomment>engine: help card</extracomment>
            <translation>把它与 Dropout 或 BatchNorm 混用，它们会破坏它的自归一化：请在单纯的 Dense 堆叠中使用它（Keras 中把它与 AlphaDropout 和 lecun_normal 权重初始化搭配使用）。</translation>
        </message>
        <message>
            <source>Squashes any number into the range 0 to 1: σ(x) = 1 / (1 + e^(−x)). The result can be read as the probability of yes.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把任何数压缩到 0 到 1 之间：σ(x) = 1 / (1 + e^(−x))。结果可以理解为“是”的概率。</translation>
        </message>
        <message>
            <source>On the output for yes/no decisions or several independent labels, with binary_cross_entropy; rarely in hidden layers.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用在输出层做是/否判断，或多个相互独立的标签，配合 binary_cross_entropy；很少用在隐藏层。</translation>
        </message>
        <message>
            <source>Using it in many hidden layers: its slope is at most 0.25, so gradients shrink layer after layer (vanishing gradients) and learning stalls. Use ReLU in hidden layers.</source>
            <extracomment>engine: help card</extracomment>
            <translation>在很多隐藏层中使用它：它的斜率最大只有 0.25，梯度一层一层地缩小（梯度消失），学习就停滞了。隐藏层请用 ReLU。</translation>
        </message>
        <message>
            <source>Squashes any number into the range −1 to 1: tanh(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ). Centred on zero, it is the activation inside recurrent layers.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把任何数压缩到 −1 到 1 之间：tanh(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ)。它以零为中心，是循环层内部使用的激活函数。</translation>
        </message>
        <message>
            <source>When outputs must lie between −1 and 1, such as the last layer of a GAN generator for images scaled to −1…1.</source>
            <extracomment>engine: help card</extracomment>
            <translation>输出必须在 −1 到 1 之间时使用，例如图像缩放到 −1…1 时 GAN 生成器的最后一层。</translation>
        </message>
        <message>
            <source>Using it on the last layer while the targets lie in 0 to 1 (pixels divided by 255). Scale the targets to −1…1, or use Sigmoid there instead.</source>
            <extracomment>engine: help card</extracomment>
            <translation>目标值在 0 到 1 之间（像素除以 255）时把它用在最后一层。请把目标缩放到 −1…1，或在那里改用 Sigmoid。</translation>
        </message>
        <message>
            <source>A smooth version of ReLU: f(x) = x·Φ(x), where Φ(x) is the chance that a standard normal value is below x. Small negative values pass a little.</source>
            <extracomment>engine: help card</extracomment>
            <translation>ReLU 的平滑版本：f(x) = x·Φ(x)，其中 Φ(x) 是标准正态分布的值小于 x 的概率。较小的负值也能通过一点。</translation>
        </message>
        <message>
            <source>In Transformer models, and as a drop-in alternative to ReLU.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用于 Transformer 模型，也可以直接替换 ReLU。</translation>
        </message>
        <message>
            <source>Putting it on the last layer as if it squashed its input: like ReLU it is unbounded above and nearly zero below. Keep it for hidden layers.</source>
            <extracomment>engine: help card</extracomment>
            <translation>以为它会压缩输入而把它放在最后一层：它和 ReLU 一样上方无界、下方接近零。请只在隐藏层使用。</translation>
        </message>
        <message>
            <source>Turns a vector of scores into probabilities: each score x becomes eˣ divided by the sum of all eˣ, so all are positive and add up to 1. On an image it works across the channels of each pixel.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把一个分数向量变成概率：每个分数 x 变成 eˣ 除以所有 eˣ 之和，因此全部为正且加起来等于 1。在图像上，它作用于每个像素的各通道之间。</translation>
        </message>
        <message>
            <source>Only at the very end of a classifier, to read its scores as class probabilities.</source>
            <extracomment>engine: help card</extracomment>
            <translation>只用在分类模型的最末端，把分数解读为各类别的概率。</translation>
        </message>
        <message>
            <source>Applying softmax twice, such as a Softmax layer after a Dense that already has activation softmax: the probabilities get squashed towards equal and learning stalls. Use one softmax at the end; NetStudio leaves that one out in training, because cross_entropy applies it itself.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用了两次 softmax，例如在 activation 已经是 softmax 的 Dense 后面又加一个 Softmax 层：概率被压得越来越平均，学习就停滞了。只在最后用一次 softmax；训练时 NetStudio 会去掉这一个，因为 cross_entropy 自己会做 softmax。</translation>
        </message>
        <message>
            <source>Parametric ReLU: like LeakyReLU, but the slope for negative inputs is learned in training, one per channel of an image (or per feature of a vector or sequence).</source>
            <extracomment>engine: help card</extracomment>
            <translation>参数化 ReLU：与 LeakyReLU 类似，但负输入的斜率是在训练中学习的，图像的每个通道一个（向量或序列则每个特征一个）。</translation>
        </message>
        <message>
            <source>In CNNs where a fixed slope is a guess: the network finds how much of the negative side each channel should keep.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用于 CNN 中固定斜率只能靠猜的情况：由网络自己找出每个通道应保留多少负值部分。</translation>
        </message>
        <message>
            <source>Expecting Keras' parameter count: Keras' PReLU learns one slope per value (all of C×H×W, starting at 0) unless shared_axes is set; this one learns one per channel, as Keras' shared_axes=[1, 2] does with channels last.</source>
            <extracomment>engine: help card</extracomment>
            <translation>指望参数个数与 Keras 相同：除非设置了 shared_axes，Keras 的 PReLU 为每个数值学习一个斜率（整个 C×H×W，初始为 0）；这里的 PReLU 每个通道学习一个，相当于通道在后时 Keras 的 shared_axes=[1, 2]。</translation>
        </message>
        <message>
            <source>One learned slope per channel (or feature): C numbers.</source>
            <extracomment>engine: help card</extracomment>
            <translation>每个通道（或特征）一个学习得到的斜率：共 C 个数。</translation>
        </message>
        <message>
            <source>The slope every channel starts from before training adjusts it: 0.25 as in PyTorch (Keras starts from 0, a plain ReLU).</source>
            <extracomment>engine: help card</extracomment>
            <translation>训练调整之前每个通道的初始斜率：与 PyTorch 一样为 0.25（Keras 从 0 开始，即普通的 ReLU）。</translation>
        </message>
        <message>
            <source>Adds its inputs value by value; all of them must have exactly the same shape. It joins a shortcut back into the main path: a residual connection, as in ResNet.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把各个输入逐个数值相加；它们的形状必须完全相同。它把一条捷径重新汇入主路径：也就是 ResNet 中的残差连接。</translation>
        </message>
        <message>
            <source>For residual (skip) connections: adding a block's input to its output lets deep networks train well.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用于残差（跳跃）连接：把一个模块的输入加到它的输出上，能让深层网络训练得很好。</translation>
        </message>
        <message>
            <source>Adding branches whose shapes differ, such as 32×14×14 and 64×7×7. Make them agree: the same filters and pooling on both paths, or a 1×1 Conv2D on the shortcut.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把形状不同的分支相加，例如 32×14×14 和 64×7×7。请让它们一致：两条路径用相同的滤波器数和池化，或在捷径上加一个 1×1 Conv2D。</translation>
        </message>
        <message>
            <source>How many connections come in (2 to 8); the node shows that many input ports.</source>
            <extracomment>engine: help card</extracomment>
            <translation>有多少个输入连接（2 到 8 个）；节点会显示同样多的输入端口。</translation>
        </message>
        <message>
            <source>Places its inputs side by side along the channels (images) or the features (sequences and vectors), so that the output holds all of them. All other sizes must match.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把各个输入沿通道（图像）或特征（序列和向量）方向并排放在一起，使输出包含它们全部。其余各维大小必须一致。</translation>
        </message>
        <message>
            <source>To combine branches that looked at the data in different ways, such as different kernel sizes or two kinds of input, keeping all of their features.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用来合并以不同方式观察数据的分支，例如不同大小的卷积核或两种不同的输入，同时保留它们的全部特征。</translation>
        </message>
        <message>
            <source>Joining images whose height and width differ, such as 32×14×14 with 32×7×7: only the channels may differ. Pool or upsample one branch to the other's size first.</source>
            <extracomment>engine: help card</extracomment>
            <translation>拼接高和宽不同的图像，例如 32×14×14 和 32×7×7：只有通道数可以不同。请先对其中一个分支做池化或上采样，使两者尺寸一致。</translation>
        </message>
        <message>
            <source>Multiplies its inputs value by value; all of them must have exactly the same shape. Where one input is between 0 and 1, such as a sigmoid's output, it works as a gate on the other: it decides how much of each value gets through.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把各个输入逐个数值相乘；它们的形状必须完全相同。当其中一个输入在 0 到 1 之间（例如 sigmoid 的输出）时，它就像另一个输入上的门：决定每个数值能通过多少。</translation>
        </message>
        <message>
            <source>For gates and attention weights computed by one branch and applied to another, as in squeeze-and-excitation blocks or gated units.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用于由一个分支计算、作用到另一个分支上的门或注意力权重，例如 squeeze-and-excitation 模块或门控单元。</translation>
        </message>
        <message>
            <source>Gating with a branch whose values are not between 0 and 1: the product then grows or flips sign instead of letting a share through. End the gating branch with a sigmoid activation.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用取值不在 0 到 1 之间的分支做门控：乘积会变大或变号，而不是只让一部分通过。请让门控分支以 sigmoid 激活函数结尾。</translation>
        </message>
        <message>
            <source>Subtracts its second input from its first, value by value: input 1 − input 2. Both must have exactly the same shape.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把第一个输入逐个数值减去第二个输入：输入 1 − 输入 2。两者的形状必须完全相同。</translation>
        </message>
        <message>
            <source>To compare two branches, such as the difference between two embeddings in a siamese network.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用来比较两个分支，例如孪生网络中两个嵌入向量之差。</translation>
        </message>
        <message>
            <source>Connecting the inputs the wrong way round: the order of the ports matters, input 1 minus input 2, unlike Add.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把输入接反了：与 Add 不同，端口的顺序很重要，是输入 1 减输入 2。</translation>
        </message>
        <message>
            <source>Takes the mean of its inputs, value by value: their sum divided by how many there are. All of them must have exactly the same shape.</source>
            <extracomment>engine: help card</extracomment>
            <translation>逐个数值求各个输入的平均值：它们的和除以输入的个数。它们的形状必须完全相同。</translation>
        </message>
        <message>
            <source>To combine branches that each predict the same thing, such as an ensemble of several classifier heads on one input.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用来合并预测同一事物的多个分支，例如在同一输入上由多个分类头组成的集成。</translation>
        </message>
        <message>
            <source>Averaging a softmax with raw scores (logits): the numbers mean different things. Give every branch the same kind of output before averaging.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把 softmax 的输出与原始分数（logits）放在一起平均：这些数的含义不同。求平均之前，请让每个分支输出同一种值。</translation>
        </message>
        <message>
            <source>Keeps, at every position, the largest value among its inputs. All of them must have exactly the same shape.</source>
            <extracomment>engine: help card</extracomment>
            <translation>在每个位置上保留各个输入中的最大值。它们的形状必须完全相同。</translation>
        </message>
        <message>
            <source>To combine branches so that the strongest response wins at each position, as in maxout units.</source>
            <extracomment>engine: help card</extracomment>
            <translation>合并多个分支，使每个位置上最强的响应胜出，例如 maxout 单元。</translation>
        </message>
        <message>
            <source>Using it where Add or Concatenate belongs: the smaller values are dropped, so their branch gets no gradient there and may stop learning.</source>
            <extracomment>engine: help card</extracomment>
            <translation>在该用 Add 或 Concatenate 的地方用它：较小的值被丢弃，它们所在的分支在那里得不到梯度，可能停止学习。</translation>
        </message>
        <message>
            <source>Multiplies every value by scale and adds offset: out = x · scale + offset. It learns nothing; it puts the data into the range the next layers work best with.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把每个值乘以 scale 再加上 offset：out = x · scale + offset。它不学习任何东西；它把数据变换到后续层最适合处理的范围。</translation>
        </message>
        <message>
            <source>First layer after the Input when the data comes in a raw range: scale 1/255 turns pixels 0–255 into 0–1, scale 1/127.5 with offset −1 into −1 to 1.</source>
            <extracomment>engine: help card</extracomment>
            <translation>数据是原始范围时，作为 Input 之后的第一层：scale 为 1/255 时把像素 0–255 变成 0–1，scale 为 1/127.5 且 offset 为 −1 时变成 −1 到 1。</translation>
        </message>
        <message>
            <source>Rescaling data that is already scaled. NetStudio's built-in image data sets already give pixels in 0–1, so a further 1/255 squeezes them into 0–0.004 and training crawls.</source>
            <extracomment>engine: help card</extracomment>
            <translation>对已经缩放过的数据再做缩放。NetStudio 内置的图像数据集给出的像素已经在 0–1 之间，再乘以 1/255 会把它们压缩到 0–0.004，训练就会慢得像爬一样。</translation>
        </message>
        <message>
            <source>The number every value is multiplied by: 1/255 (0.00392…) for pixels 0–255.</source>
            <extracomment>engine: help card</extracomment>
            <translation>每个值要乘以的数：像素为 0–255 时用 1/255（0.00392…）。</translation>
        </message>
        <message>
            <source>The number added after multiplying: 0 to keep zero at zero, −1 to centre 0–2 on 0.</source>
            <extracomment>engine: help card</extracomment>
            <translation>相乘之后加上的数：0 使零仍为零，−1 把 0–2 平移到以 0 为中心。</translation>
        </message>
        <message>
            <source>Shifts and scales each feature (each channel of an image) to mean 0 and standard deviation 1: out = (x − mean) / √variance. The mean and variance are measured on the training data (up to 50,000 samples) before the first epoch and saved with the weights; gradients never change them.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把每个特征（图像则为每个通道）平移和缩放到均值 0、标准差 1：out = (x − mean) / √variance。均值和方差在第一轮开始之前在训练数据（最多 50,000 个样本）上测量，并与权重一起保存；梯度从不改变它们。</translation>
        </message>
        <message>
            <source>Right after the Input, as Keras guides do, to give each feature (each colour channel of an image) mean 0 and standard deviation 1. Tables read from a CSV file are already standardised column by column, so there it changes nothing.</source>
            <extracomment>engine: help card</extracomment>
            <translation>像 Keras 指南中那样紧接在 Input 之后，使每个特征（图像则为每个颜色通道）的均值为 0、标准差为 1。从 CSV 文件读入的表格已经逐列标准化过，所以在那里它不会改变任何东西。</translation>
        </message>
        <message>
            <source>Expecting it to follow the data during training like BatchNorm. Its statistics are fixed when the run starts; a run resumed later keeps them, and a new run measures them again.</source>
            <extracomment>engine: help card</extracomment>
            <translation>指望它像 BatchNorm 一样在训练中跟随数据变化。它的统计量在运行开始时就固定了；之后继续的运行沿用它们，新的运行会重新测量。</translation>
        </message>
        <message>
            <source>No learned numbers. Keras counts the mean, the variance and the number of samples seen as non-trainable weights, 2 × F + 1 in all.</source>
            <extracomment>engine: help card</extracomment>
            <translation>没有学习得到的数。Keras 把均值、方差和已见过的样本数算作不可训练的权重，总共 2 × F + 1 个。</translation>
        </message>
        <message>
            <source>While training, adds random noise with mean 0 and standard deviation stddev to every value, so the model cannot rely on exact values. When evaluating and predicting it passes its input on unchanged.</source>
            <extracomment>engine: help card</extracomment>
            <translation>训练时给每个值加上均值为 0、标准差为 stddev 的随机噪声，使模型无法依赖精确的数值。评估和预测时它把输入原样传出。</translation>
        </message>
        <message>
            <source>Against overfitting on small data sets, usually right after the Input, or before a Dense layer, like a Dropout that blurs values instead of removing them.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用于防止小数据集上的过拟合，通常紧接在 Input 之后，或放在 Dense 层之前；它像一个把数值弄模糊、而不是删除数值的 Dropout。</translation>
        </message>
        <message>
            <source>Choosing stddev without looking at the scale of the data: 0.1 is strong noise for values in 0–1 but nothing for values in the thousands. Rescale or normalize first.</source>
            <extracomment>engine: help card</extracomment>
            <translation>不看数据的尺度就选择 stddev：对 0–1 之间的值来说 0.1 是很强的噪声，但对几千的值来说微不足道。请先做缩放或标准化。</translation>
        </message>
        <message>
            <source>The standard deviation of the noise, in the units of the input values: 0.1 for values in 0–1.</source>
            <extracomment>engine: help card</extracomment>
            <translation>噪声的标准差，单位与输入值相同：值在 0–1 之间时用 0.1。</translation>
        </message>
        <message>
            <source>A ResNet-18 trained on ImageNet's 1.2 million photos, without its classifier: it turns an image into 512 numbers that describe what is in it. Inside the node a gray image is repeated to 3 channels, resized to image_size and normalised with ImageNet's mean (0.485, 0.456, 0.406) and std (0.229, 0.224, 0.225), so give it pixels from 0 to 1.</source>
            <extracomment>engine: help card</extracomment>
            <translation>在 ImageNet 的 120 万张照片上训练过的 ResNet-18，去掉了它的分类器：它把一张图像变成 512 个描述图像内容的数。在节点内部，灰度图像会被复制成 3 个通道，缩放到 image_size，并用 ImageNet 的均值 (0.485, 0.456, 0.406) 和标准差 (0.229, 0.224, 0.225) 做标准化，所以请给它 0 到 1 之间的像素。</translation>
        </message>
        <message>
            <source>For your own photos when you have few of them: add Dense layers and an Output after it and train only those. ResNet-18 is a sound, moderate first choice.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用于你自己的照片、且照片不多时：在它之后加上 Dense 层和 Output，只训练这些层。ResNet-18 是稳妥、适中的首选。</translation>
        </message>
        <message>
            <source>Expecting it to work offline at once: it needs the pretrained weights file once (downloaded, or put in the cache folder). Adding a Rescaling or Normalization before it normalises twice, since the node already does it.</source>
            <extracomment>engine: help card</extracomment>
            <translation>指望它一开始就能离线使用：它第一次使用时需要预训练权重文件（下载，或放进缓存文件夹）。在它之前加 Rescaling 或 Normalization 会导致标准化两次，因为节点内部已经做了。</translation>
        </message>
        <message>
            <source>Its blocks: the stem, then the four stages layer1–layer4.</source>
            <extracomment>engine: help card</extracomment>
            <translation>它的模块：stem（起始层），然后是 layer1–layer4 四个阶段。</translation>
        </message>
        <message>
            <source>Which pretrained weights to start from: torchvision's names for them, the first the best. The node needs the pretrained weights file once (downloaded, or put in the cache folder); none starts from random weights and needs no file, but then the node learns from your images alone, like any other layers.</source>
            <extracomment>engine: help card</extracomment>
            <translation>从哪一组预训练权重开始：名称沿用 torchvision 的命名，第一个最好。节点第一次使用时需要预训练权重文件（下载，或放进缓存文件夹）；none 从随机权重开始，不需要文件，但这样节点就只能像其他层一样，仅从你的图像中学习。</translation>
        </message>
        <message>
            <source>Which weights training leaves as they are. all: only the layers after this node learn (fast, and best with few images). all_but_last_blocks: the last trainable_blocks blocks learn too, at the reduced learning rate. none: the whole backbone learns (fine-tuning; slower, and needs more images).</source>
            <extracomment>engine: help card</extracomment>
            <translation>训练时哪些权重保持不变。all：只有这个节点之后的层学习（快，图像少时效果最好）。all_but_last_blocks：最后 trainable_blocks 个模块也以降低后的学习率学习。none：整个骨干网络都学习（微调；更慢，需要更多图像）。</translation>
        </message>
        <message>
            <source>How many of the last blocks learn when freeze is all_but_last_blocks; the blocks nearest the output learn first. Not used with freeze all or none.</source>
            <extracomment>engine: help card</extracomment>
            <translation>freeze 为 all_but_last_blocks 时，最后有多少个模块参与学习；离输出最近的模块最先参与。freeze 为 all 或 none 时不使用。</translation>
        </message>
        <message>
            <source>The learning rate of the backbone's weights that learn, as a share of the training's learning rate: 0.1 trains them ten times more gently than the new layers after it, so the pretrained features are adjusted, not wiped out.</source>
            <extracomment>engine: help card</extracomment>
            <translation>骨干网络中参与学习的权重的学习率，以训练学习率的倍数表示：0.1 表示训练它们比后面的新层温和十倍，这样预训练得到的特征只会被调整，而不会被抹掉。</translation>
        </message>
        <message>
            <source>The size (S×S) every image is resized to inside the node before the backbone sees it. The pretrained weights were made at 224; a smaller size such as 128 is much faster on a CPU and usually still works, a size below 96 loses most of what the weights know.</source>
            <extracomment>engine: help card</extracomment>
            <translation>在骨干网络看到图像之前，节点内部把每张图像缩放到的大小（S×S）。预训练权重是在 224 下得到的；较小的尺寸（如 128）在 CPU 上快得多，通常仍然有效；小于 96 时，权重学到的大部分知识都会丢失。</translation>
        </message>
        <message>
            <source>A ResNet-50 trained on ImageNet, without its classifier: it turns an image into 2048 numbers that describe what is in it. Inside the node a gray image is repeated to 3 channels, resized to image_size and normalised with ImageNet's mean (0.485, 0.456, 0.406) and std (0.229, 0.224, 0.225), so give it pixels from 0 to 1.</source>
            <extracomment>engine: help card</extracomment>
            <translation>在 ImageNet 上训练过的 ResNet-50，去掉了它的分类器：它把一张图像变成 2048 个描述图像内容的数。在节点内部，灰度图像会被复制成 3 个通道，缩放到 image_size，并用 ImageNet 的均值 (0.485, 0.456, 0.406) 和标准差 (0.229, 0.224, 0.225) 做标准化，所以请给它 0 到 1 之间的像素。</translation>
        </message>
        <message>
            <source>When accuracy matters more than speed, for photos of everyday things. It has 23.5 million weights: on a CPU keep it frozen, or use a smaller image_size.</source>
            <extracomment>engine: help card</extracomment>
            <translation>用于日常事物的照片、且准确率比速度更重要时。它有 2350 万个权重：在 CPU 上请保持冻结，或使用较小的 image_size。</translation>
        </message>
        <message>
            <source>Fine-tuning it all (freeze none) on a few hundred images: it overfits and is slow. It needs the pretrained weights file once (downloaded, or put in the cache folder).</source>
            <extracomment>engine: help card</extracomment>
            <translation>在几百张图像上对它整体微调（freeze 为 none）：会过拟合，而且很慢。它第一次使用时需要预训练权重文件（下载，或放进缓存文件夹）。</translation>
        </message>
        <message>
            <source>A MobileNetV3-Small trained on ImageNet, without its classifier: it turns an image into 576 numbers that describe what is in it. Inside the node a gray image is repeated to 3 channels, resized to image_size and normalised with ImageNet's mean (0.485, 0.456, 0.406) and std (0.229, 0.224, 0.225), so give it pixels from 0 to 1.</source>
            <extracomment>engine: help card</extracomment>
            <translation>在 ImageNet 上训练过的 MobileNetV3-Small，去掉了它的分类器：它把一张图像变成 576 个描述图像内容的数。在节点内部，灰度图像会被复制成 3 个通道，缩放到 image_size，并用 ImageNet 的均值 (0.485, 0.456, 0.406) 和标准差 (0.229, 0.224, 0.225) 做标准化，所以请给它 0 到 1 之间的像素。</translation>
        </message>
        <message>
            <source>The fastest backbone here (under a million weights): the one to try first on a laptop, and the one the transfer-learning template uses.</source>
            <extracomment>engine: help card</extracomment>
            <translation>这里最快的骨干网络（权重不到一百万）：在笔记本电脑上首先该试的就是它，迁移学习模板用的也是它。</translation>
        </message>
        <message>
            <source>Expecting it to work offline at once: it needs the pretrained weights file once (downloaded, or put in the cache folder). Its features are less rich than ResNet-50's, so a large, varied data set may do better with a bigger backbone.</source>
            <extracomment>engine: help card</extracomment>
            <translation>指望它一开始就能离线使用：它第一次使用时需要预训练权重文件（下载，或放进缓存文件夹）。它的特征不如 ResNet-50 丰富，所以大型、多样的数据集换用更大的骨干网络可能效果更好。</translation>
        </message>
        <message>
            <source>Its blocks: the stem convolution, 11 inverted-residual blocks and the last 1×1 convolution.</source>
            <extracomment>engine: help card</extracomment>
            <translation>它的模块：stem 卷积（起始卷积）、11 个倒残差模块和最后的 1×1 卷积。</translation>
        </message>
        <message>
            <source>A MobileNetV3-Large trained on ImageNet, without its classifier: it turns an image into 960 numbers that describe what is in it. Inside the node a gray image is repeated to 3 channels, resized to image_size and normalised with ImageNet's mean (0.485, 0.456, 0.406) and std (0.229, 0.224, 0.225), so give it pixels from 0 to 1.</source>
            <extracomment>engine: help card</extracomment>
            <translation>在 ImageNet 上训练过的 MobileNetV3-Large，去掉了它的分类器：它把一张图像变成 960 个描述图像内容的数。在节点内部，灰度图像会被复制成 3 个通道，缩放到 image_size，并用 ImageNet 的均值 (0.485, 0.456, 0.406) 和标准差 (0.229, 0.224, 0.225) 做标准化，所以请给它 0 到 1 之间的像素。</translation>
        </message>
        <message>
            <source>When MobileNetV3-Small is not accurate enough but speed still matters: about 3 million weights.</source>
            <extracomment>engine: help card</extracomment>
            <translation>当 MobileNetV3-Small 不够准确、但速度仍然重要时使用：约 300 万个权重。</translation>
        </message>
        <message>
            <source>Its blocks: the stem convolution, 15 inverted-residual blocks and the last 1×1 convolution.</source>
            <extracomment>engine: help card</extracomment>
            <translation>它的模块：stem 卷积（起始卷积）、15 个倒残差模块和最后的 1×1 卷积。</translation>
        </message>
        <message>
            <source>An EfficientNet-B0 trained on ImageNet, without its classifier: it turns an image into 1280 numbers that describe what is in it. Inside the node a gray image is repeated to 3 channels, resized to image_size and normalised with ImageNet's mean (0.485, 0.456, 0.406) and std (0.229, 0.224, 0.225), so give it pixels from 0 to 1.</source>
            <extracomment>engine: help card</extracomment>
            <translation>在 ImageNet 上训练过的 EfficientNet-B0，去掉了它的分类器：它把一张图像变成 1280 个描述图像内容的数。在节点内部，灰度图像会被复制成 3 个通道，缩放到 image_size，并用 ImageNet 的均值 (0.485, 0.456, 0.406) 和标准差 (0.229, 0.224, 0.225) 做标准化，所以请给它 0 到 1 之间的像素。</translation>
        </message>
        <message>
            <source>A good balance of accuracy and size (4 million weights), often more accurate than ResNet-50 with a sixth of its weights.</source>
            <extracomment>engine: help card</extracomment>
            <translation>在准确率和大小之间取得了很好的平衡（400 万个权重），往往比 ResNet-50 更准确，而权重只有它的六分之一。</translation>
        </message>
        <message>
            <source>Expecting it to work offline at once: it needs the pretrained weights file once (downloaded, or put in the cache folder). On a CPU it is slower than its size suggests, so compare it with MobileNetV3-Large.</source>
            <extracomment>engine: help card</extracomment>
            <translation>指望它一开始就能离线使用：它第一次使用时需要预训练权重文件（下载，或放进缓存文件夹）。在 CPU 上它比其大小所暗示的要慢，所以请和 MobileNetV3-Large 比较一下。</translation>
        </message>
        <message>
            <source>Its blocks: the stem convolution, the seven MBConv stages and the last 1×1 convolution.</source>
            <extracomment>engine: help card</extracomment>
            <translation>它的模块：stem 卷积（起始卷积）、七个 MBConv 阶段和最后的 1×1 卷积。</translation>
        </message>
        <message>
            <source>A ConvNeXt-Tiny trained on ImageNet, without its classifier: it turns an image into 768 numbers that describe what is in it. Inside the node a gray image is repeated to 3 channels, resized to image_size and normalised with ImageNet's mean (0.485, 0.456, 0.406) and std (0.229, 0.224, 0.225), so give it pixels from 0 to 1.</source>
            <extracomment>engine: help card</extracomment>
            <translation>在 ImageNet 上训练过的 ConvNeXt-Tiny，去掉了它的分类器：它把一张图像变成 768 个描述图像内容的数。在节点内部，灰度图像会被复制成 3 个通道，缩放到 image_size，并用 ImageNet 的均值 (0.485, 0.456, 0.406) 和标准差 (0.229, 0.224, 0.225) 做标准化，所以请给它 0 到 1 之间的像素。</translation>
        </message>
        <message>
            <source>The most accurate backbone here, for when a GPU is available: 28 million weights make it slow on a CPU.</source>
            <extracomment>engine: help card</extracomment>
            <translation>这里最准确的骨干网络，适合有 GPU 时使用：2800 万个权重让它在 CPU 上很慢。</translation>
        </message>
        <message>
            <source>Expecting it to work offline at once: it needs the pretrained weights file once (downloaded, or put in the cache folder). Fine-tuning it with the full learning rate (lr_factor 1) tends to wipe out what it knows; keep lr_factor small.</source>
            <extracomment>engine: help card</extracomment>
            <translation>指望它一开始就能离线使用：它第一次使用时需要预训练权重文件（下载，或放进缓存文件夹）。用完整的学习率（lr_factor 为 1）微调它，往往会抹掉它已学到的知识；请让 lr_factor 保持较小。</translation>
        </message>
        <message>
            <source>Its blocks: the stem, then four stages with a downsampling layer between each two.</source>
            <extracomment>engine: help card</extracomment>
            <translation>它的模块：stem（起始层），然后是四个阶段，每两个阶段之间有一个下采样层。</translation>
        </message>
        <message>
            <source>A model you trained in NetStudio, used as one block of a new model: its layers up to a chosen one, with the weights that run learned. Without a chosen layer it gives the features the old model's last layer read, because its class scores belong to the old classes while the features carry over to new ones.</source>
            <extracomment>engine: help card</extracomment>
            <translation>把你在 NetStudio 中训练过的模型用作新模型的一个模块：取它从开头到所选层为止的各层，以及那次运行学到的权重。不选层时，它给出旧模型最后一层所读取的特征，因为旧模型的类别分数属于旧的类别，而特征可以迁移到新的类别上。</translation>
        </message>
        <message>
            <source>When you have few samples of a new task and a run trained on similar data: put the block first and train a small head (a Dense layer) after it.</source>
            <extracomment>engine: help card</extracomment>
            <translation>当新任务的样本很少、而你有一次在类似数据上训练过的运行时：把这个模块放在最前面，在它之后训练一个小的输出头（一个 Dense 层）。</translation>
        </message>
        <message>
            <source>Feeding it data of another shape or kind than the run was trained on. Its input must match the run's Input, and its features help most on images like the old ones.</source>
            <extracomment>engine: help card</extracomment>
            <translation>给它输入与该运行训练时形状或种类不同的数据。它的输入必须与该运行的 Input 一致，而且它的特征在与旧图像相似的图像上最有帮助。</translation>
        </message>
        <message>
            <source>The run's weights up to the chosen layer. Those that freeze keeps are counted as frozen: training leaves them as they are.</source>
            <extracomment>engine: help card</extracomment>
            <translation>该运行到所选层为止的权重。被 freeze 保持不变的那些计为冻结：训练不会改变它们。</translation>
        </message>
        <message>
            <source>The run folder of a trained model, as NetStudio wrote it (it holds project.json and model.safetensors). A relative path starts at this project's folder.</source>
            <extracomment>engine: help card</extracomment>
            <translation>已训练模型的运行文件夹，即 NetStudio 写出的那个文件夹（其中有 project.json 和 model.safetensors）。相对路径从本项目所在的文件夹算起。</translation>
        </message>
        <message>
            <source>The id of the run's layer whose output the block gives. Empty: the input of the run's last layer with weights, the features its classifier read.</source>
            <extracomment>engine: help card</extracomment>
            <translation>该运行中某一层的 id，模块输出的就是这一层的输出。留空：输出该运行最后一个带权重的层的输入，也就是它的分类器所读取的特征。</translation>
        </message>
        <message>
            <source>all: the run's weights stay as trained and only the layers after the block learn; the block always computes as when evaluating (Dropout off, BatchNorm on its trained statistics). all_but_last_layers: its last trainable_layers layers with weights learn too. none: the whole block learns (fine-tuning).</source>
            <extracomment>engine: help card</extracomment>
            <translation>all：该运行的权重保持训练好的样子，只有模块之后的层学习；模块始终按评估模式计算（Dropout 关闭，BatchNorm 使用训练得到的统计量）。all_but_last_layers：它最后 trainable_layers 个带权重的层也参与学习。none：整个模块都参与学习（微调）。</translation>
        </message>
        <message>
            <source>How many of the block's last layers with weights learn when freeze is all_but_last_layers; the layers nearest the output learn first. Not used with freeze all or none.</source>
            <extracomment>engine: help card</extracomment>
            <translation>freeze 为 all_but_last_layers 时，模块最后有多少个带权重的层参与学习；离输出最近的层最先参与。freeze 为 all 或 none 时不使用。</translation>
        </message>
        <message>
            <source>When the block is not frozen, its weights learn at the learning rate times this: 0.1 changes the trained weights gently while the new layers learn at full speed.</source>
            <extracomment>engine: help card</extracomment>
            <translation>模块未冻结时，它的权重以学习率乘以这个数来学习：0.1 会温和地调整训练好的权重，而新层以全速学习。</translation>
        </message>
        <message>
            <source>The run's weights up to the chosen layer. With freeze on they are counted as frozen: training leaves them as they are.</source>
            <extracomment>engine: help card</extracomment>
            <translation type="vanished">该运行到所选层为止的权重。打开 freeze 时它们计为冻结的：训练不会改变它们。</translation>
        </message>
        <message>
            <source>On: the run's weights stay as trained and only the layers after the block learn; the block always computes as when evaluating (Dropout off, BatchNorm on its trained statistics). Off: the block learns too (fine-tuning).</source>
            <extracomment>engine: help card</extracomment>
            <translation type="vanished">打开：该运行的权重保持训练好的样子，只有模块之后的层学习；模块始终按评估模式计算（Dropout 关闭，BatchNorm 使用训练得到的统计量）。关闭：模块也参与学习（微调）。</translation>
        </message>
        <message>
            <source>The new order of the axes, numbered from 1 (the batch is not counted): the i-th output axis is input axis dims[i]. Each axis appears once, e.g. [2, 1] for a sequence or [1, 3, 2] to swap an image's height and width.</source>
            <extracomment>engine: help card</extracomment>
            <translation type="vanished">各轴的新顺序，从 1 开始编号（不计批量维度）：输出的第 i 个轴是输入的第 dims[i] 个轴。每个轴恰好出现一次，例如序列用 [2, 1]，交换图像的高和宽用 [1, 3, 2]。</translation>
        </message>
        <message>
            <source>Shifts and scales each feature (each channel of an image) to mean 0 and standard deviation 1: out = (x − mean) / √variance. The mean and variance are measured on the training data once, before the first epoch, and saved with the weights; gradients never change them.</source>
            <extracomment>engine: help card</extracomment>
            <translation type="vanished">把每个特征（图像则为每个通道）平移和缩放到均值 0、标准差 1：out = (x − mean) / √variance。均值和方差在第一轮开始之前在训练数据上测量一次，并与权重一起保存；梯度从不改变它们。</translation>
        </message>
        <message>
            <source>Right after the Input, for measurements in very different ranges (a table of prices, ages and percentages), so that no feature dominates because of its units.</source>
            <extracomment>engine: help card</extracomment>
            <translation type="vanished">紧接在 Input 之后，用于范围相差很大的测量值（例如包含价格、年龄和百分比的表格），使任何特征都不会因为单位而占主导。</translation>
        </message>
        <message>
            <source>Comparing its weights with Keras' and finding a different layout: NetStudio's images are channels first (C×H×W) and its weights are PyTorch's, but the count is Keras' own (no bias in the depthwise step, one per filter after it).</source>
            <extracomment>engine: help card</extracomment>
            <translation type="vanished">拿它的权重和 Keras 的比较，发现排列方式不同：NetStudio 的图像是通道在前（C×H×W），权重采用 PyTorch 的格式，但参数个数与 Keras 完全相同（逐通道步骤没有偏置，之后每个滤波器一个偏置）。</translation>
        </message>
        <message>
            <source>Putting it where the image is laid out channels last: it drops the first axis of C×H×W, NetStudio's layout, which is what Keras' channels_last version drops too. Keep the rate low (0.1 to 0.3): each map dropped is a whole pattern lost.</source>
            <extracomment>engine: help card</extracomment>
            <translation type="vanished">把它用在按通道在后排列的图像上：它丢弃的是 C×H×W（NetStudio 的排列方式）的第一个轴，也就是 Keras 的 channels_last 版本所丢弃的通道。比例请保持在较低水平（0.1 到 0.3）：每丢弃一张特征图，就丢失了一整种模式。</translation>
        </message>
        <message>
            <source>Reading its pair the Keras way round of a channels-last image: here it is [rows, columns] of a C×H×W image, each added on both sides. Keras' ((top, bottom), (left, right)) form is not offered: pad evenly, or crop after.</source>
            <extracomment>engine: help card</extracomment>
            <translation type="vanished">按 Keras 中通道在后图像的方式理解这一对数：这里它是 C×H×W 图像的 [行, 列]，两侧各加这么多。不提供 Keras 的 ((top, bottom), (left, right)) 形式：请两侧均匀填充，或之后再裁剪。</translation>
        </message>
        <message>
            <source>Rows of zeros added at the top and at the bottom, and columns at the left and at the right: 1 adds a one-pixel frame (28×28 becomes 30×30); a pair [rows, columns] pads the height and the width differently.</source>
            <extracomment>engine: help card</extracomment>
            <translation type="vanished">在上方和下方各加的零行数，以及在左侧和右侧各加的零列数：1 表示加一圈一像素宽的边框（28×28 变成 30×30）；给出一对 [行, 列] 可以对高和宽做不同的填充。</translation>
        </message>
        <message>
            <source>Cropping everything away: the crop is taken from both sides, so 14 rows can lose at most 6 from each. Here the pair is [rows, columns] of a C×H×W image, each cut on both sides.</source>
            <extracomment>engine: help card</extracomment>
            <translation type="vanished">把所有内容都裁掉了：两侧都会裁掉这么多，所以 14 行每侧最多只能裁掉 6 行。这里的一对数是 C×H×W 图像的 [行, 列]，两侧各裁这么多。</translation>
        </message>
        <message>
            <source>Rows cut off at the top and at the bottom, and columns at the left and at the right: 1 removes a one-pixel frame (30×30 becomes 28×28); a pair [rows, columns] crops the height and the width differently.</source>
            <extracomment>engine: help card</extracomment>
            <translation type="vanished">在上方和下方各裁掉的行数，以及在左侧和右侧各裁掉的列数：1 表示去掉一圈一像素宽的边框（30×30 变成 28×28）；给出一对 [行, 列] 可以对高和宽做不同的裁剪。</translation>
        </message>
        <message>
            <source>The function applied to every output value: relu in hidden layers, softmax on the last layer of a classifier, linear (none) to keep the raw numbers. The same as Keras' activation argument.</source>
            <extracomment>engine: help card</extracomment>
            <translation type="vanished">作用于每个输出值的函数：隐藏层用 relu，分类模型最后一层用 softmax，linear（无）保留原始数值。与 Keras 的 activation 参数相同。</translation>
        </message>
        <message>
            <source>valid: no border is added (p = 0), so the height and width each shrink by k − 1. same: a border of zeros keeps the height and width unchanged; it needs strides 1.</source>
            <extracomment>engine: help card</extracomment>
            <translation type="vanished">valid：不加边框（p = 0），所以高和宽各减少 k − 1。same：用一圈零填充，使高和宽保持不变；需要步长为 1。</translation>
        </message>
        <message>
            <source>valid: no padding (p = 0), so the sequence loses k − 1 steps. same: pads with zeros to keep the number of steps; it needs strides 1.</source>
            <extracomment>engine: help card</extracomment>
            <translation type="vanished">valid：不填充（p = 0），所以序列会少 k − 1 步。same：用零填充以保持步数不变；需要步长为 1。</translation>
        </message>
        <message>
            <source>Pooling too often: each 2×2 pooling halves the size (28 → 14 → 7 → 3), until the next kernel no longer fits. With keep_partial off an odd size also loses its last row and column (7 → 3); turn it on to keep them.</source>
            <extracomment>engine: help card</extracomment>
            <translation type="vanished">池化太多次：每次 2×2 池化都让尺寸减半（28 → 14 → 7 → 3），直到下一个卷积核放不下。关闭 keep_partial 时，奇数尺寸还会丢掉最后一行和一列（7 → 3）；打开它即可保留。</translation>
        </message>
        <message>
            <source>When the windows do not fit evenly, keep the last, incomplete window (the size is rounded up, ⌈ ⌉) instead of dropping it (rounded down, ⌊ ⌋). With strides equal to the pool size this is Keras' padding 'same'.</source>
            <extracomment>engine: help card</extracomment>
            <translation type="vanished">窗口无法正好铺满时，保留最后那个不完整的窗口（尺寸向上取整，⌈ ⌉），而不是丢掉它（向下取整，⌊ ⌋）。步长等于池化窗口时，这就是 Keras 的 padding 'same'。</translation>
        </message>
        <message>
            <source>How much of a negative input is let through: 0.01 gives 0.01·x for x &lt; 0. 0 makes it a plain ReLU; GANs often use 0.2.</source>
            <extracomment>engine: help card</extracomment>
            <translation type="vanished">负输入能通过多少：0.01 表示 x &lt; 0 时输出 0.01·x。为 0 时就是普通的 ReLU；GAN 常用 0.2。</translation>
        </message>
    </context>
    <context>
        <name>layers</name>
        <message>
            <source>Input</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Input</translation>
        </message>
        <message>
            <source>Where data enters the model: one sample's shape, without the batch.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>输入层：数据进入模型的地方。填写单个样本的形状，不含批量维度。</translation>
        </message>
        <message>
            <source>Output</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Output</translation>
        </message>
        <message>
            <source>The model's result and the loss it is trained with.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>输出层：模型的结果，以及训练时使用的损失函数。</translation>
        </message>
        <message>
            <source>Dense</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Dense</translation>
        </message>
        <message>
            <source>Fully connected layer: every output is a weighted sum of all inputs.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>全连接层：每个输出都是所有输入的加权和。</translation>
        </message>
        <message>
            <source>Flatten</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Flatten</translation>
        </message>
        <message>
            <source>Lays an image or sequence out as one long vector, for Dense layers.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>展平层：把图像或序列摊成一个长向量，供 Dense 层使用。</translation>
        </message>
        <message>
            <source>Reshape</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Reshape</translation>
        </message>
        <message>
            <source>Rearranges the same values into a new shape, e.g. 784 → 1×28×28.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>变形层：把同样的数值重新排成新的形状，例如 784 → 1×28×28。</translation>
        </message>
        <message>
            <source>Dropout</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Dropout</translation>
        </message>
        <message>
            <source>During training, zeroes a random fraction of values to fight overfitting.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>训练时随机把一部分数值置零，用来防止过拟合。</translation>
        </message>
        <message>
            <source>Embedding</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Embedding</translation>
        </message>
        <message>
            <source>Turns each token id into a learned vector.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>嵌入层：把每个词元 id 变成一个学习得到的向量。</translation>
        </message>
        <message>
            <source>RepeatVector</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>RepeatVector</translation>
        </message>
        <message>
            <source>Repeats a vector n times: a sequence of n equal time steps.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>重复向量层：把一个向量重复 n 次，得到由 n 个相同时间步组成的序列。</translation>
        </message>
        <message>
            <source>Permute</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Permute</translation>
        </message>
        <message>
            <source>Reorders the axes of each sample, e.g. time steps×features → features×time steps.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>置换层：重新排列每个样本的轴，例如 时间步×特征 → 特征×时间步。</translation>
        </message>
        <message>
            <source>TimeDistributed</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>TimeDistributed</translation>
        </message>
        <message>
            <source>Applies the same Dense layer to every time step of a sequence.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>时间分布层：把同一个 Dense 层应用到序列的每个时间步。</translation>
        </message>
        <message>
            <source>Conv2D</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Conv2D</translation>
        </message>
        <message>
            <source>Slides small learned filters over an image to detect local patterns.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>二维卷积层：用学习得到的小滤波器在图像上滑动，检测局部模式。</translation>
        </message>
        <message>
            <source>Conv1D</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Conv1D</translation>
        </message>
        <message>
            <source>Slides learned filters along a sequence (time steps × features).</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>一维卷积层：沿序列（时间步 × 特征）滑动学习得到的滤波器。</translation>
        </message>
        <message>
            <source>ConvTranspose2D</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>ConvTranspose2D</translation>
        </message>
        <message>
            <source>Learned upsampling: the reverse of a strided Conv2D, used in decoders.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>转置卷积层：可学习的上采样，相当于带步长 Conv2D 的逆过程，用于解码器。</translation>
        </message>
        <message>
            <source>MaxPooling2D</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>MaxPooling2D</translation>
        </message>
        <message>
            <source>Keeps the largest value of each window.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>最大池化层：保留每个窗口中的最大值。</translation>
        </message>
        <message>
            <source>AveragePooling2D</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>AveragePooling2D</translation>
        </message>
        <message>
            <source>Averages each window.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>平均池化层：取每个窗口的平均值。</translation>
        </message>
        <message>
            <source>GlobalAveragePooling</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>GlobalAveragePooling</translation>
        </message>
        <message>
            <source>Averages each feature map (or each feature over time) to one number.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>全局平均池化：把每个特征图（或每个特征在时间上）平均成一个数。</translation>
        </message>
        <message>
            <source>GlobalMaxPooling</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>GlobalMaxPooling</translation>
        </message>
        <message>
            <source>Keeps the largest value of each feature map (or over time).</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>全局最大池化：保留每个特征图（或时间上）的最大值。</translation>
        </message>
        <message>
            <source>UpSampling2D</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>UpSampling2D</translation>
        </message>
        <message>
            <source>Enlarges an image by repeating (or interpolating) pixels; no weights.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>上采样层：通过重复（或插值）像素放大图像；没有权重。</translation>
        </message>
        <message>
            <source>Conv3D</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Conv3D</translation>
        </message>
        <message>
            <source>Slides learned filters through a volume (depth × height × width), such as a scan or a clip.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>三维卷积层：用学习得到的滤波器在体数据（深 × 高 × 宽）中滑动，例如扫描图像或视频片段。</translation>
        </message>
        <message>
            <source>MaxPooling1D</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>MaxPooling1D</translation>
        </message>
        <message>
            <source>Keeps the largest value of each stretch of time.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>一维最大池化层：保留每个时间段中的最大值。</translation>
        </message>
        <message>
            <source>AveragePooling1D</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>AveragePooling1D</translation>
        </message>
        <message>
            <source>Averages each stretch of time steps.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>一维平均池化层：取每段时间步的平均值。</translation>
        </message>
        <message>
            <source>MaxPooling3D</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>MaxPooling3D</translation>
        </message>
        <message>
            <source>Keeps the largest value of each block of a volume.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>三维最大池化层：保留体数据每个小块中的最大值。</translation>
        </message>
        <message>
            <source>DepthwiseConv2D</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>DepthwiseConv2D</translation>
        </message>
        <message>
            <source>Filters each channel of an image on its own, with depth_multiplier filters each.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>逐通道卷积层：对图像的每个通道单独滤波，每个通道 depth_multiplier 个滤波器。</translation>
        </message>
        <message>
            <source>SeparableConv2D</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>SeparableConv2D</translation>
        </message>
        <message>
            <source>A cheaper Conv2D: filters each channel on its own, then mixes channels with 1×1.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>深度可分离卷积层：更省计算的 Conv2D，先对每个通道单独滤波，再用 1×1 卷积混合各通道。</translation>
        </message>
        <message>
            <source>SpatialDropout2D</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>SpatialDropout2D</translation>
        </message>
        <message>
            <source>During training, zeroes whole feature maps of an image at random.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>训练时随机把图像的整张特征图置零。</translation>
        </message>
        <message>
            <source>ZeroPadding2D</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>ZeroPadding2D</translation>
        </message>
        <message>
            <source>Adds rows and columns of zeros around an image.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>二维零填充层：在图像周围加上全零的行和列。</translation>
        </message>
        <message>
            <source>ZeroPadding1D</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>ZeroPadding1D</translation>
        </message>
        <message>
            <source>Adds time steps of zeros at the start and the end of a sequence.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>一维零填充层：在序列的开头和末尾加上全零的时间步。</translation>
        </message>
        <message>
            <source>Cropping2D</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Cropping2D</translation>
        </message>
        <message>
            <source>Cuts rows and columns off the borders of an image.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>二维裁剪层：从图像的边上裁掉若干行和列。</translation>
        </message>
        <message>
            <source>LSTM</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>LSTM</translation>
        </message>
        <message>
            <source>Long short-term memory: reads a sequence step by step, remembering.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>长短期记忆网络：一步一步读取序列，并记住之前的内容。</translation>
        </message>
        <message>
            <source>GRU</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>GRU</translation>
        </message>
        <message>
            <source>Gated recurrent unit: a lighter LSTM.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>门控循环单元：更轻量的 LSTM。</translation>
        </message>
        <message>
            <source>SimpleRNN</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>SimpleRNN</translation>
        </message>
        <message>
            <source>The plain recurrent layer (tanh).</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>最基本的循环层（tanh）。</translation>
        </message>
        <message>
            <source>Transformer encoder</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Transformer 编码器</translation>
        </message>
        <message>
            <source>Multi-head self-attention then a feed-forward network, each with a residual.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>多头自注意力，再接一个前馈网络，两者都带残差连接。</translation>
        </message>
        <message>
            <source>Positional embedding</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>位置嵌入</translation>
        </message>
        <message>
            <source>Adds a learned vector to each time step, so attention knows the order.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>给每个时间步加上一个学习得到的向量，让注意力知道先后顺序。</translation>
        </message>
        <message>
            <source>Multi-head attention</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>多头注意力</translation>
        </message>
        <message>
            <source>Each query time step takes in what it needs from the value sequence, in heads.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>查询的每个时间步都从值序列中吸收所需的信息，由多个头并行完成。</translation>
        </message>
        <message>
            <source>BatchNormalization</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>BatchNormalization</translation>
        </message>
        <message>
            <source>Normalizes each channel over the batch; speeds up and steadies training.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>批量归一化：在批量上对每个通道做归一化；让训练更快、更稳定。</translation>
        </message>
        <message>
            <source>LayerNormalization</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>LayerNormalization</translation>
        </message>
        <message>
            <source>Normalizes each sample's features; the norm of Transformers.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>层归一化：对每个样本的特征做归一化；Transformer 的标准做法。</translation>
        </message>
        <message>
            <source>ReLU</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>ReLU</translation>
        </message>
        <message>
            <source>max(0, x): the default choice for hidden layers.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>max(0, x)：隐藏层的默认选择。</translation>
        </message>
        <message>
            <source>LeakyReLU</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>LeakyReLU</translation>
        </message>
        <message>
            <source>Like ReLU, but lets a small slope through for negative inputs.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>与 ReLU 类似，但负输入也保留一个小斜率。</translation>
        </message>
        <message>
            <source>ELU</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>ELU</translation>
        </message>
        <message>
            <source>Like ReLU, but smooth below zero, where it levels off at −alpha.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>与 ReLU 类似，但在零以下是平滑的，并逐渐趋平于 −alpha。</translation>
        </message>
        <message>
            <source>SELU</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>SELU</translation>
        </message>
        <message>
            <source>A scaled ELU that keeps activations normalized in deep Dense stacks.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>缩放版的 ELU，能在深层 Dense 堆叠中保持激活值的归一化。</translation>
        </message>
        <message>
            <source>Sigmoid</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Sigmoid</translation>
        </message>
        <message>
            <source>Squashes values to between 0 and 1; for yes/no outputs.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>把数值压缩到 0 到 1 之间；用于是/否输出。</translation>
        </message>
        <message>
            <source>Tanh</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Tanh</translation>
        </message>
        <message>
            <source>Squashes values to between −1 and 1; used inside recurrent layers.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>把数值压缩到 −1 到 1 之间；循环层内部会用到。</translation>
        </message>
        <message>
            <source>GELU</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>GELU</translation>
        </message>
        <message>
            <source>A smooth ReLU, the usual choice in Transformers.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>平滑版的 ReLU，Transformer 中的常用选择。</translation>
        </message>
        <message>
            <source>Softmax</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Softmax</translation>
        </message>
        <message>
            <source>Turns scores into probabilities that sum to 1 (over the features).</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>把分数变成总和为 1 的概率（在特征维度上）。</translation>
        </message>
        <message>
            <source>PReLU</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>PReLU</translation>
        </message>
        <message>
            <source>A LeakyReLU whose negative slope is learned, one per channel (or feature).</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>负斜率可学习的 LeakyReLU，每个通道（或特征）一个。</translation>
        </message>
        <message>
            <source>Add</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Add</translation>
        </message>
        <message>
            <source>Adds its inputs element by element: the join of a residual connection.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>逐元素相加各个输入：残差连接的汇合点。</translation>
        </message>
        <message>
            <source>Concatenate</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Concatenate</translation>
        </message>
        <message>
            <source>Joins its inputs side by side along the channels (or features).</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>沿通道（或特征）方向把各个输入并排拼接起来。</translation>
        </message>
        <message>
            <source>Multiply</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Multiply</translation>
        </message>
        <message>
            <source>Multiplies its inputs element by element, e.g. a gate by the values it lets through.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>逐元素相乘各个输入，例如把门与它放行的数值相乘。</translation>
        </message>
        <message>
            <source>Subtract</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Subtract</translation>
        </message>
        <message>
            <source>Subtracts its second input from its first, element by element.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>逐元素地用第一个输入减去第二个输入。</translation>
        </message>
        <message>
            <source>Average</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Average</translation>
        </message>
        <message>
            <source>The mean of its inputs, element by element: e.g. the ensemble of several branches.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>逐元素求各个输入的平均值：例如集成多个分支。</translation>
        </message>
        <message>
            <source>Maximum</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Maximum</translation>
        </message>
        <message>
            <source>Keeps the largest of its inputs at every position.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>在每个位置上保留各个输入中的最大值。</translation>
        </message>
        <message>
            <source>Rescaling</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Rescaling</translation>
        </message>
        <message>
            <source>Multiplies every value by a number and adds another, e.g. pixels 0–255 to 0–1.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>缩放层：把每个值乘以一个数再加上另一个数，例如把像素 0–255 变成 0–1。</translation>
        </message>
        <message>
            <source>Normalization</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Normalization</translation>
        </message>
        <message>
            <source>Shifts and scales each feature to mean 0 and standard deviation 1, with the mean and variance of the training data.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>标准化层：用训练数据的均值和方差，把每个特征平移和缩放到均值 0、标准差 1。</translation>
        </message>
        <message>
            <source>GaussianNoise</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>GaussianNoise</translation>
        </message>
        <message>
            <source>During training, adds random noise to every value to fight overfitting.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>训练时给每个值加上随机噪声，用来防止过拟合。</translation>
        </message>
        <message>
            <source>ResNet18</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>ResNet18</translation>
        </message>
        <message>
            <source>ResNet-18 pretrained on ImageNet: an image in (resized and normalised inside), 512 features out.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>在 ImageNet 上预训练的 ResNet-18：输入一张图像（在内部缩放并标准化），输出 512 个特征。</translation>
        </message>
        <message>
            <source>ResNet50</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>ResNet50</translation>
        </message>
        <message>
            <source>ResNet-50 pretrained on ImageNet: an image in (resized and normalised inside), 2048 features out.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>在 ImageNet 上预训练的 ResNet-50：输入一张图像（在内部缩放并标准化），输出 2048 个特征。</translation>
        </message>
        <message>
            <source>MobileNetV3Small</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>MobileNetV3Small</translation>
        </message>
        <message>
            <source>MobileNetV3-Small pretrained on ImageNet, small and fast: an image in (resized and normalised inside), 576 features out.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>在 ImageNet 上预训练的 MobileNetV3-Small，小而快：输入一张图像（在内部缩放并标准化），输出 576 个特征。</translation>
        </message>
        <message>
            <source>MobileNetV3Large</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>MobileNetV3Large</translation>
        </message>
        <message>
            <source>MobileNetV3-Large pretrained on ImageNet: an image in (resized and normalised inside), 960 features out.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>在 ImageNet 上预训练的 MobileNetV3-Large：输入一张图像（在内部缩放并标准化），输出 960 个特征。</translation>
        </message>
        <message>
            <source>EfficientNetB0</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>EfficientNetB0</translation>
        </message>
        <message>
            <source>EfficientNet-B0 pretrained on ImageNet: an image in (resized and normalised inside), 1280 features out.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>在 ImageNet 上预训练的 EfficientNet-B0：输入一张图像（在内部缩放并标准化），输出 1280 个特征。</translation>
        </message>
        <message>
            <source>ConvNeXtTiny</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>ConvNeXtTiny</translation>
        </message>
        <message>
            <source>ConvNeXt-Tiny pretrained on ImageNet: an image in (resized and normalised inside), 768 features out.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>在 ImageNet 上预训练的 ConvNeXt-Tiny：输入一张图像（在内部缩放并标准化），输出 768 个特征。</translation>
        </message>
        <message>
            <source>TrainedModel</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>TrainedModel</translation>
        </message>
        <message>
            <source>A model you trained in NetStudio, up to a chosen layer, as one block.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>你在 NetStudio 中训练过的模型，截取到所选的层，作为一个模块使用。</translation>
        </message>
        <message>
            <source>How weights are updated from the gradients.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>根据梯度更新权重的方法。</translation>
        </message>
        <message>
            <source>Size of each update step.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>每一步更新的幅度。</translation>
        </message>
        <message>
            <source>SGD and RMSprop: how much of the last step carries on.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>SGD 和 RMSprop：上一步的更新有多少延续下来。</translation>
        </message>
        <message>
            <source>SGD: look-ahead (Nesterov) momentum.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>SGD：前瞻式（Nesterov）动量。</translation>
        </message>
        <message>
            <source>Pulls weights towards zero to fight overfitting.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>把权重拉向零，用来防止过拟合。</translation>
        </message>
        <message>
            <source>Adds the sum of |weights| to the loss, making weights sparse.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>把 |权重| 之和加到损失上，使权重变得稀疏。</translation>
        </message>
        <message>
            <source>Samples per update step.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>每一步更新使用的样本数。</translation>
        </message>
        <message>
            <source>Passes over the training data.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>遍历训练数据的次数。</translation>
        </message>
        <message>
            <source>Fraction of the training data held out to validate each epoch.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>从训练数据中留出、每轮用于验证的比例。</translation>
        </message>
        <message>
            <source>Train on only this many samples (the validation part is held out first): with few samples a large model learns them by heart, and overfitting shows.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>只用这么多样本训练（先留出验证部分）：样本很少时，大模型会把它们死记硬背下来，过拟合就显现出来了。</translation>
        </message>
        <message>
            <source>How the learning rate changes over the epochs.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>学习率随轮数变化的方式。</translation>
        </message>
        <message>
            <source>step: epochs between decays.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>step：两次衰减之间的轮数。</translation>
        </message>
        <message>
            <source>step/exponential/plateau: factor the rate is multiplied by.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>step/exponential/plateau：学习率每次乘上的系数。</translation>
        </message>
        <message>
            <source>Stop when validation loss has not improved for this many epochs (0: off).</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>验证损失连续这么多轮没有改进时停止（0：关闭）。</translation>
        </message>
        <message>
            <source>Seed for weights, shuffling and splits: same seed, same run.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>用于权重、打乱和划分的随机种子：种子相同，训练过程就相同。</translation>
        </message>
        <message>
            <source>glorot: Keras' defaults (Glorot-uniform weights, zero biases), as in the guides; pytorch: PyTorch's defaults.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>glorot：Keras 的默认方式（Glorot 均匀分布的权重、零偏置），与入门指南一致；pytorch：PyTorch 的默认方式。</translation>
        </message>
        <message>
            <source>auto picks a GPU when there is one; cpu, cuda, cuda:N (the N-th GPU) or mps.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>auto 在有 GPU 时使用 GPU；也可选 cpu、cuda、cuda:N（第 N 块 GPU）或 mps。</translation>
        </message>
        <message>
            <source>Compute in 16-bit where the device supports it: faster on GPUs.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>在设备支持时用 16 位计算：在 GPU 上更快。</translation>
        </message>
        <message>
            <source>Rotate training images randomly by up to this angle.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>把训练图像随机旋转，最多转这个角度。</translation>
        </message>
        <message>
            <source>Move training images randomly by up to this fraction of their size.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>把训练图像随机平移，最多移动其尺寸的这个比例。</translation>
        </message>
        <message>
            <source>Mirror training images at random (not for digits or text).</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>随机水平镜像训练图像（不适用于数字或文字）。</translation>
        </message>
        <message>
            <source>Zoom into a random part, cropping up to this fraction of the size.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>放大随机的一部分，最多裁掉尺寸的这个比例。</translation>
        </message>
        <message>
            <source>Add Gaussian noise with this standard deviation (pixels 0–1).</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>加入这个标准差的高斯噪声（像素值 0–1）。</translation>
        </message>
        <message>
            <source>Shape</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>形状</translation>
        </message>
        <message>
            <source>Dtype</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>数据类型</translation>
        </message>
        <message>
            <source>float32</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>float32</translation>
        </message>
        <message>
            <source>int64</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>int64</translation>
        </message>
        <message>
            <source>Loss</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>损失函数</translation>
        </message>
        <message>
            <source>cross entropy</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>交叉熵（cross_entropy）</translation>
        </message>
        <message>
            <source>binary cross entropy</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>二元交叉熵（binary_cross_entropy）</translation>
        </message>
        <message>
            <source>mse</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>均方误差（mse）</translation>
        </message>
        <message>
            <source>Target</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>目标</translation>
        </message>
        <message>
            <source>labels</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>标签（labels）</translation>
        </message>
        <message>
            <source>input</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>输入（input）</translation>
        </message>
        <message>
            <source>real or fake</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>真假（real_or_fake）</translation>
        </message>
        <message>
            <source>Units</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>单元数</translation>
        </message>
        <message>
            <source>Activation</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>激活函数</translation>
        </message>
        <message>
            <source>linear</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>linear（无）</translation>
        </message>
        <message>
            <source>relu</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>ReLU</translation>
        </message>
        <message>
            <source>leaky relu</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>LeakyReLU</translation>
        </message>
        <message>
            <source>elu</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>ELU</translation>
        </message>
        <message>
            <source>selu</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>SELU</translation>
        </message>
        <message>
            <source>swish</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Swish</translation>
        </message>
        <message>
            <source>mish</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Mish</translation>
        </message>
        <message>
            <source>sigmoid</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Sigmoid</translation>
        </message>
        <message>
            <source>tanh</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Tanh</translation>
        </message>
        <message>
            <source>gelu</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>GELU</translation>
        </message>
        <message>
            <source>softmax</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Softmax</translation>
        </message>
        <message>
            <source>Use bias</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>使用偏置</translation>
        </message>
        <message>
            <source>Target shape</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>目标形状</translation>
        </message>
        <message>
            <source>Rate</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>比例</translation>
        </message>
        <message>
            <source>Input dim</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>输入维度</translation>
        </message>
        <message>
            <source>Output dim</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>输出维度</translation>
        </message>
        <message>
            <source>N</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>重复次数</translation>
        </message>
        <message>
            <source>Dims</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>维度顺序</translation>
        </message>
        <message>
            <source>Filters</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>滤波器数</translation>
        </message>
        <message>
            <source>Kernel size</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>卷积核大小</translation>
        </message>
        <message>
            <source>Strides</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>步长</translation>
        </message>
        <message>
            <source>Padding</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>填充</translation>
        </message>
        <message>
            <source>valid</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>valid（不填充）</translation>
        </message>
        <message>
            <source>same</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>same（保持大小）</translation>
        </message>
        <message>
            <source>Dilation</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>膨胀率</translation>
        </message>
        <message>
            <source>Output padding</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>输出填充</translation>
        </message>
        <message>
            <source>Pool size</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>池化窗口</translation>
        </message>
        <message>
            <source>Keep partial</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>保留不完整窗口</translation>
        </message>
        <message>
            <source>Size</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>放大倍数</translation>
        </message>
        <message>
            <source>Interpolation</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>插值方式</translation>
        </message>
        <message>
            <source>nearest</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>最近邻（nearest）</translation>
        </message>
        <message>
            <source>bilinear</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>双线性（bilinear）</translation>
        </message>
        <message>
            <source>Depth multiplier</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>深度乘数</translation>
        </message>
        <message>
            <source>Cropping</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>裁剪量</translation>
        </message>
        <message>
            <source>Return sequences</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>返回序列</translation>
        </message>
        <message>
            <source>Bidirectional</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>双向</translation>
        </message>
        <message>
            <source>Heads</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>注意力头数</translation>
        </message>
        <message>
            <source>Ff dim</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>前馈网络宽度</translation>
        </message>
        <message>
            <source>Norm first</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>先归一化</translation>
        </message>
        <message>
            <source>Num heads</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>注意力头数</translation>
        </message>
        <message>
            <source>Key dim</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>键维度</translation>
        </message>
        <message>
            <source>Inputs</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>输入个数</translation>
        </message>
        <message>
            <source>Momentum</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>动量</translation>
        </message>
        <message>
            <source>Epsilon</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Epsilon</translation>
        </message>
        <message>
            <source>Negative slope</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>负斜率</translation>
        </message>
        <message>
            <source>Alpha</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Alpha</translation>
        </message>
        <message>
            <source>Initial slope</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>初始斜率</translation>
        </message>
        <message>
            <source>Scale</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>缩放系数</translation>
        </message>
        <message>
            <source>Offset</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>偏移量</translation>
        </message>
        <message>
            <source>Stddev</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>标准差</translation>
        </message>
        <message>
            <source>Weights</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>权重</translation>
        </message>
        <message>
            <source>IMAGENET1K V1</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>IMAGENET1K V1</translation>
        </message>
        <message>
            <source>none</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>无（none）</translation>
        </message>
        <message>
            <source>Freeze</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>冻结</translation>
        </message>
        <message>
            <source>all</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>全部（all）</translation>
        </message>
        <message>
            <source>all but last blocks</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>除最后几个模块外（all_but_last_blocks）</translation>
        </message>
        <message>
            <source>Trainable blocks</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>可训练模块数</translation>
        </message>
        <message>
            <source>Learning rate factor</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>学习率系数</translation>
        </message>
        <message>
            <source>Image size</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>图像大小</translation>
        </message>
        <message>
            <source>IMAGENET1K V2</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>IMAGENET1K V2</translation>
        </message>
        <message>
            <source>Run</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>运行文件夹</translation>
        </message>
        <message>
            <source>Until</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>截止层</translation>
        </message>
        <message>
            <source>all but last layers</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>除最后几层外（all_but_last_layers）</translation>
        </message>
        <message>
            <source>Trainable layers</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>可训练层数</translation>
        </message>
        <message>
            <source>Lr factor</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>学习率系数</translation>
        </message>
        <message>
            <source>Optimizer</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>优化器</translation>
        </message>
        <message>
            <source>adam</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Adam</translation>
        </message>
        <message>
            <source>adamw</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>AdamW</translation>
        </message>
        <message>
            <source>sgd</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>SGD</translation>
        </message>
        <message>
            <source>rmsprop</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>RMSprop</translation>
        </message>
        <message>
            <source>Learning rate</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>学习率</translation>
        </message>
        <message>
            <source>Nesterov</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>Nesterov</translation>
        </message>
        <message>
            <source>L2 weight decay</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>L2 权重衰减</translation>
        </message>
        <message>
            <source>L1 penalty</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>L1 惩罚</translation>
        </message>
        <message>
            <source>Batch size</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>批量大小</translation>
        </message>
        <message>
            <source>Epochs</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>轮数</translation>
        </message>
        <message>
            <source>Validation split</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>验证集比例</translation>
        </message>
        <message>
            <source>Training samples (0: all)</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>训练样本数（0：全部）</translation>
        </message>
        <message>
            <source>Learning-rate schedule</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>学习率调度</translation>
        </message>
        <message>
            <source>constant</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>恒定（constant）</translation>
        </message>
        <message>
            <source>step</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>阶梯（step）</translation>
        </message>
        <message>
            <source>exponential</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>指数（exponential）</translation>
        </message>
        <message>
            <source>cosine</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>余弦（cosine）</translation>
        </message>
        <message>
            <source>plateau</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>平台期（plateau）</translation>
        </message>
        <message>
            <source>Schedule step</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>调度间隔</translation>
        </message>
        <message>
            <source>Schedule gamma</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>调度系数</translation>
        </message>
        <message>
            <source>Early-stopping patience</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>提前停止耐心值</translation>
        </message>
        <message>
            <source>Seed</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>随机种子</translation>
        </message>
        <message>
            <source>Weight initialisation</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>权重初始化</translation>
        </message>
        <message>
            <source>glorot</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>glorot（Keras 默认）</translation>
        </message>
        <message>
            <source>pytorch</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>pytorch（PyTorch 默认）</translation>
        </message>
        <message>
            <source>Device</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>设备</translation>
        </message>
        <message>
            <source>Mixed precision</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>混合精度</translation>
        </message>
        <message>
            <source>Rotation (degrees)</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>旋转（度）</translation>
        </message>
        <message>
            <source>Shift (fraction)</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>平移（比例）</translation>
        </message>
        <message>
            <source>Horizontal flip</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>水平翻转</translation>
        </message>
        <message>
            <source>Random crop (fraction)</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>随机裁剪（比例）</translation>
        </message>
        <message>
            <source>Noise</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation>噪声</translation>
        </message>
        <message>
            <source>Input / Output</source>
            <comment>category</comment>
            <extracomment>engine: layer category</extracomment>
            <translation>输入/输出</translation>
        </message>
        <message>
            <source>Core</source>
            <comment>category</comment>
            <extracomment>engine: layer category</extracomment>
            <translation>核心层</translation>
        </message>
        <message>
            <source>Convolution</source>
            <comment>category</comment>
            <extracomment>engine: layer category</extracomment>
            <translation>卷积层</translation>
        </message>
        <message>
            <source>Pooling</source>
            <comment>category</comment>
            <extracomment>engine: layer category</extracomment>
            <translation>池化层</translation>
        </message>
        <message>
            <source>Recurrent</source>
            <comment>category</comment>
            <extracomment>engine: layer category</extracomment>
            <translation>循环层</translation>
        </message>
        <message>
            <source>Attention</source>
            <comment>category</comment>
            <extracomment>engine: layer category</extracomment>
            <translation>注意力</translation>
        </message>
        <message>
            <source>Normalization</source>
            <comment>category</comment>
            <extracomment>engine: layer category</extracomment>
            <translation>归一化</translation>
        </message>
        <message>
            <source>Activation</source>
            <comment>category</comment>
            <extracomment>engine: layer category</extracomment>
            <translation>激活函数</translation>
        </message>
        <message>
            <source>Merge</source>
            <comment>category</comment>
            <extracomment>engine: layer category</extracomment>
            <translation>合并</translation>
        </message>
        <message>
            <source>Preprocessing</source>
            <comment>category</comment>
            <extracomment>engine: layer category</extracomment>
            <translation>预处理</translation>
        </message>
        <message>
            <source>Pretrained</source>
            <comment>category</comment>
            <extracomment>engine: layer category</extracomment>
            <translation>预训练模型</translation>
        </message>
        <message>
            <source>before</source>
            <extracomment>engine: studio/layers/padding.py</extracomment>
            <translation>前</translation>
        </message>
        <message>
            <source>after</source>
            <extracomment>engine: studio/layers/padding.py</extracomment>
            <translation>后</translation>
        </message>
        <message>
            <source>Input / Output</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">输入/输出</translation>
        </message>
        <message>
            <source>Core</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">核心层</translation>
        </message>
        <message>
            <source>Convolution</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">卷积层</translation>
        </message>
        <message>
            <source>Pooling</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">池化层</translation>
        </message>
        <message>
            <source>Recurrent</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">循环层</translation>
        </message>
        <message>
            <source>Attention</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">注意力</translation>
        </message>
        <message>
            <source>Merge</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">合并</translation>
        </message>
        <message>
            <source>Preprocessing</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">预处理</translation>
        </message>
        <message>
            <source>Pretrained</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">预训练模型</translation>
        </message>
        <message>
            <source>ResNet-18 pretrained on ImageNet: an image in, 512 features out.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">在 ImageNet 上预训练的 ResNet-18：输入一张图像，输出 512 个特征。</translation>
        </message>
        <message>
            <source>ResNet-50 pretrained on ImageNet: an image in, 2048 features out.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">在 ImageNet 上预训练的 ResNet-50：输入一张图像，输出 2048 个特征。</translation>
        </message>
        <message>
            <source>MobileNetV3-Small pretrained on ImageNet: small and fast, an image in, 576 features out.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">在 ImageNet 上预训练的 MobileNetV3-Small：小而快，输入一张图像，输出 576 个特征。</translation>
        </message>
        <message>
            <source>MobileNetV3-Large pretrained on ImageNet: an image in, 960 features out.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">在 ImageNet 上预训练的 MobileNetV3-Large：输入一张图像，输出 960 个特征。</translation>
        </message>
        <message>
            <source>EfficientNet-B0 pretrained on ImageNet: an image in, 1280 features out.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">在 ImageNet 上预训练的 EfficientNet-B0：输入一张图像，输出 1280 个特征。</translation>
        </message>
        <message>
            <source>ConvNeXt-Tiny pretrained on ImageNet: an image in, 768 features out.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">在 ImageNet 上预训练的 ConvNeXt-Tiny：输入一张图像，输出 768 个特征。</translation>
        </message>
        <message>
            <source>TimeDistributed (Dense)</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">TimeDistributed (Dense)</translation>
        </message>
        <message>
            <source>Channels×height×width for images, time×features for sequences, features for vectors.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">图像为 通道×高×宽，序列为 时间×特征，向量为特征数。</translation>
        </message>
        <message>
            <source>float32 for measurements and pixels; int64 for token ids (Embedding).</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">测量值和像素用 float32；词元 id（Embedding）用 int64。</translation>
        </message>
        <message>
            <source>cross_entropy for classes, binary_cross_entropy for yes/no or multi-label, mse for numbers and reconstructions.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">分类用 cross_entropy，是/否或多标签用 binary_cross_entropy，预测数值和重建用 mse。</translation>
        </message>
        <message>
            <source>labels: learn the data set's labels; input: reproduce the input (autoencoders); real_or_fake: tell real samples from generated ones (GANs).</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">labels：学习数据集的标签；input：重建输入（自编码器）；real_or_fake：区分真实样本和生成样本（GAN）。</translation>
        </message>
        <message>
            <source>Number of outputs (neurons).</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">输出的个数（神经元数）。</translation>
        </message>
        <message>
            <source>Applied to the layer's output, as Keras' activation argument.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">作用于这一层的输出，与 Keras 的 activation 参数相同。</translation>
        </message>
        <message>
            <source>Add a learned offset to each output.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">给每个输出加上一个学习得到的偏移量。</translation>
        </message>
        <message>
            <source>New shape without the batch; -1 once means 'the rest'.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">新的形状，不含批量维度；-1（只能出现一次）表示“其余部分”。</translation>
        </message>
        <message>
            <source>Fraction of values dropped (0–0.95).</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">被丢弃的数值所占比例（0–0.95）。</translation>
        </message>
        <message>
            <source>Vocabulary size (largest id + 1).</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">词表大小（最大 id + 1）。</translation>
        </message>
        <message>
            <source>Length of each vector.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">每个向量的长度。</translation>
        </message>
        <message>
            <source>Slope for negative inputs.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">负输入部分的斜率。</translation>
        </message>
        <message>
            <source>Number of feature maps it learns.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">要学习的特征图个数。</translation>
        </message>
        <message>
            <source>Size of the sliding window, e.g. 3 for 3×3.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">滑动窗口的大小，例如 3 表示 3×3。</translation>
        </message>
        <message>
            <source>Step of the window; 2 halves the size.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">窗口每次移动的步幅；2 会让尺寸减半。</translation>
        </message>
        <message>
            <source>valid: no padding, the output shrinks; same: pad to keep the size (strides 1 only).</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">valid：不填充，输出会变小；same：填充以保持大小（仅限步长为 1）。</translation>
        </message>
        <message>
            <source>Spacing inside the window (atrous convolution).</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">窗口内部的间隔（空洞卷积）。</translation>
        </message>
        <message>
            <source>Add a learned offset to each feature map.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">给每个特征图加上一个学习得到的偏移量。</translation>
        </message>
        <message>
            <source>Length of the sliding window.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">滑动窗口的长度。</translation>
        </message>
        <message>
            <source>Number of feature maps.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">特征图的个数。</translation>
        </message>
        <message>
            <source>Size of the window.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">窗口的大小。</translation>
        </message>
        <message>
            <source>2 doubles the size.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">2 会让尺寸加倍。</translation>
        </message>
        <message>
            <source>Pixels trimmed from each border.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">从每条边裁掉的像素数。</translation>
        </message>
        <message>
            <source>Extra pixels on one side to reach an exact size.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">在一侧额外补的像素，用来得到精确的尺寸。</translation>
        </message>
        <message>
            <source>Window size; 2 halves height and width.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">窗口大小；2 会让高和宽都减半。</translation>
        </message>
        <message>
            <source>Step of the window; 0 means the pool size.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">窗口每次移动的步幅；0 表示与池化窗口相同。</translation>
        </message>
        <message>
            <source>Keep a last window that hangs over the border (as Keras 'same' when the strides equal the pool size).</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">保留超出边界的最后一个窗口（步长等于池化窗口时，相当于 Keras 的 'same'）。</translation>
        </message>
        <message>
            <source>Factor for height and width.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">高和宽的放大倍数。</translation>
        </message>
        <message>
            <source>nearest repeats pixels; bilinear blends them.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">nearest 重复像素；bilinear 混合相邻像素。</translation>
        </message>
        <message>
            <source>Attention heads; must divide the feature size.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">注意力头的个数；必须能整除特征数。</translation>
        </message>
        <message>
            <source>Width of the feed-forward network.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">前馈网络的宽度。</translation>
        </message>
        <message>
            <source>Dropout inside the block.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">模块内部的 Dropout。</translation>
        </message>
        <message>
            <source>Activation of the feed-forward network.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">前馈网络的激活函数。</translation>
        </message>
        <message>
            <source>Normalize before attention (pre-LN), which trains deep stacks more stably.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">在注意力之前归一化（pre-LN），深层堆叠时训练更稳定。</translation>
        </message>
        <message>
            <source>Number of incoming connections.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">输入连接的个数。</translation>
        </message>
        <message>
            <source>How slowly the running statistics follow the data (Keras convention).</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">滑动统计量跟随数据变化得有多慢（Keras 的约定）。</translation>
        </message>
        <message>
            <source>Added to the variance to avoid division by zero.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">加到方差上，避免除以零。</translation>
        </message>
        <message>
            <source>Size of the hidden state.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">隐藏状态的大小。</translation>
        </message>
        <message>
            <source>Output every time step (to stack recurrent layers), not only the last.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">输出每个时间步（用于堆叠循环层），而不只是最后一步。</translation>
        </message>
        <message>
            <source>Also read the sequence backwards and join both readings.</source>
            <extracomment>engine: layer registry, training settings</extracomment>
            <translation type="vanished">同时反向读取序列，并把两个方向的结果拼接起来。</translation>
        </message>
    </context>
    <context>
        <name>templates</name>
        <message>
            <source>Convolutional autoencoder</source>
            <extracomment>template conv-autoencoder</extracomment>
            <translation>卷积自编码器</translation>
        </message>
        <message>
            <source>Squeezes each image through a 8×7×7 bottleneck and rebuilds it; trained to reproduce its input.</source>
            <extracomment>template conv-autoencoder</extracomment>
            <translation>把每张图像压缩到 8×7×7 的瓶颈再重建出来；训练目标是重现输入。</translation>
        </message>
        <message>
            <source>GAN (Fashion-MNIST)</source>
            <extracomment>template gan-fashion</extracomment>
            <translation>GAN（Fashion-MNIST）</translation>
        </message>
        <message>
            <source>A DCGAN-style generator turns 64 random numbers into clothing images; a discriminator learns to tell them from real Fashion-MNIST images. After each epoch the grid of generated samples looks more like trousers, shoes and shirts.</source>
            <extracomment>template gan-fashion</extracomment>
            <translation>DCGAN 风格的生成器把 64 个随机数变成服装图像；判别器学习把它们与真实的 Fashion-MNIST 图像区分开。每个训练轮次之后，生成样本的网格都更像裤子、鞋子和衬衫。</translation>
        </message>
        <message>
            <source>GAN (shapes)</source>
            <extracomment>template gan-shapes</extracomment>
            <translation>GAN（图形）</translation>
        </message>
        <message>
            <source>A generator turns random numbers into images; a discriminator learns to tell them from real shapes. Trained against each other, the generator's images look more and more like shapes: see the grid of generated samples after each epoch.</source>
            <extracomment>template gan-shapes</extracomment>
            <translation>生成器把随机数变成图像；判别器学习把它们和真实图形区分开。两者相互对抗地训练，生成器画出的图像越来越像图形：每轮结束后可以查看生成样本网格。</translation>
        </message>
        <message>
            <source>GRU sequence classifier</source>
            <extracomment>template gru-classifier</extracomment>
            <translation>GRU 序列分类器</translation>
        </message>
        <message>
            <source>The LSTM classifier with a GRU: fewer gates, fewer weights, often as accurate.</source>
            <extracomment>template gru-classifier</extracomment>
            <translation>把 LSTM 分类器换成 GRU：门更少、权重更少，准确率往往不相上下。</translation>
        </message>
        <message>
            <source>LSTM sequence classifier</source>
            <extracomment>template lstm-classifier</extracomment>
            <translation>LSTM 序列分类器</translation>
        </message>
        <message>
            <source>Recognises the kind of a waveform from its samples, read step by step.</source>
            <extracomment>template lstm-classifier</extracomment>
            <translation>一步一步读取波形的采样值，识别它属于哪一类。</translation>
        </message>
        <message>
            <source>Overfitting demo</source>
            <extracomment>template overfitting-demo</extracomment>
            <translation>过拟合演示</translation>
        </message>
        <message>
            <source>A wide MLP trained on only 300 images with no regularization: the training accuracy nears 100 % while the validation accuracy stays about 20 points lower. Add a Dropout layer after dense_1 and train again: the new run's gap is smaller, with the first run still laid over the plots. L2 weight decay works too, but only when strong (about 0.05 here): it then costs some validation accuracy.</source>
            <extracomment>template overfitting-demo</extracomment>
            <translation>一个很宽的 MLP，只用 300 张图像训练且没有正则化：训练准确率接近 100 %，验证准确率却低了约 20 个百分点。在 dense_1 之后加一个 Dropout 层再训练一次：新一次运行的差距更小，第一次运行的曲线仍叠加在图上。L2 权重衰减也有效，但要足够强（这里约 0.05）才行，并且会损失一些验证准确率。</translation>
        </message>
        <message>
            <source>Small residual CNN</source>
            <extracomment>template residual-cnn</extracomment>
            <translation>小型残差 CNN</translation>
        </message>
        <message>
            <source>A convolution block with a shortcut joined by Add, as in ResNet.</source>
            <extracomment>template residual-cnn</extracomment>
            <translation>一个卷积模块加一条捷径，用 Add 汇合，与 ResNet 相同。</translation>
        </message>
        <message>
            <source>Seed CNN (MNIST)</source>
            <extracomment>template seed-cnn</extracomment>
            <translation>入门 CNN（MNIST）</translation>
        </message>
        <message>
            <source>The MNIST guide's convolutional network.</source>
            <extracomment>template seed-cnn</extracomment>
            <translation>MNIST 入门指南中的卷积神经网络。</translation>
        </message>
        <message>
            <source>Seed MLP (MNIST)</source>
            <extracomment>template seed-mlp</extracomment>
            <translation>入门 MLP（MNIST）</translation>
        </message>
        <message>
            <source>The basics guide's multilayer perceptron.</source>
            <extracomment>template seed-mlp</extracomment>
            <translation>深度学习基础指南中的多层感知机。</translation>
        </message>
        <message>
            <source>Transfer learning</source>
            <extracomment>template transfer-learning</extracomment>
            <translation>迁移学习</translation>
        </message>
        <message>
            <source>Your own photos (a folder with one subfolder per class) classified by a MobileNetV3-Small pretrained on ImageNet, frozen, with a small head that learns. Choose your folder in the data set settings and set the last Dense layer's units to your number of classes. The backbone needs its pretrained weights file once: training downloads it, or put it into the cache folder. Run → Transfer Learning Demo… shows, without a download, what a pretrained body is worth: frozen, fine-tuned and from scratch side by side.</source>
            <extracomment>template transfer-learning</extracomment>
            <translation>用在 ImageNet 上预训练并冻结的 MobileNetV3-Small，加上一个可学习的小输出头，对你自己的照片（一个文件夹，每个类别一个子文件夹）进行分类。请在数据集设置中选择你的文件夹，并把最后一个 Dense 层的单元数设为你的类别数。骨干网络第一次使用时需要预训练权重文件：训练时会下载，也可以把它放进缓存文件夹。“运行 → 迁移学习演示…”无需下载即可展示预训练主体的价值：冻结、微调和从头训练并排比较。</translation>
        </message>
        <message>
            <source>Transformer sequence classifier</source>
            <extracomment>template transformer-classifier</extracomment>
            <translation>Transformer 序列分类器</translation>
        </message>
        <message>
            <source>Cuts a waveform into 16 pieces, adds their positions and lets self-attention compare them: a Transformer encoder as in BERT, on a small scale.</source>
            <extracomment>template transformer-classifier</extracomment>
            <translation>把波形切成 16 段，加上位置信息，再让自注意力相互比较：一个小规模的、与 BERT 相同的 Transformer 编码器。</translation>
        </message>
        <message>
            <source>Your own photos (a folder with one subfolder per class) classified by a MobileNetV3-Small pretrained on ImageNet, frozen, with a small head that learns. Choose your folder in the data set settings and set the last Dense layer's units to your number of classes. The backbone needs its pretrained weights file once: training downloads it, or put it into the cache folder.</source>
            <extracomment>template transfer-learning</extracomment>
            <translation type="vanished">用在 ImageNet 上预训练并冻结的 MobileNetV3-Small，加上一个可学习的小输出头，对你自己的照片（一个文件夹，每个类别一个子文件夹）进行分类。请在数据集设置中选择你的文件夹，并把最后一个 Dense 层的单元数设为你的类别数。骨干网络第一次使用时需要预训练权重文件：训练时会下载，也可以把它放进缓存文件夹。</translation>
        </message>
        <message>
            <source>A wide MLP trained on only 300 images with no regularization: the training accuracy nears 100 % while the validation accuracy stays about 20 points lower. Add a Dropout layer after dense_1 and train again: the new run's gap is smaller, with the first run still laid over the plots.</source>
            <extracomment>template overfitting-demo</extracomment>
            <translation type="vanished">一个很宽的 MLP，只用 300 张图像训练且没有正则化：训练准确率接近 100 %，验证准确率却低了约 20 个百分点。在 dense_1 之后加一个 Dropout 层再训练一次：新一次运行的差距更小，第一次运行的曲线仍叠加在图上。</translation>
        </message>
        <message>
            <source>A wide MLP trained on few images with no regularization: the training accuracy reaches 100 % while the validation curve falls behind. Add Dropout or L2 weight decay and train again to see the gap close.</source>
            <extracomment>template overfitting-demo</extracomment>
            <translation type="vanished">一个很宽的 MLP，只用少量图像训练且没有正则化：训练准确率达到 100 %，验证曲线却落在后面。加入 Dropout 或 L2 权重衰减后再训练一次，可以看到差距缩小。</translation>
        </message>
    </context>
</TS>
